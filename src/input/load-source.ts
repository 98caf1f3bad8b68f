import type { LoadEvent } from './document.js';
import { fileKind, type FileKind } from './file-kind.js';
import type { Limits } from './limits.js';
import { loadJsonl, loadJsonlBatches } from './load-jsonl.js';
import { loadTextFile, parseText } from './load-text-file.js';

/** A JSON or YAML file loads whole (and can be read ahead); a JSONL file streams, a batch of records at a time. */
export type LoadedSource = Promise<LoadEvent[]> | AsyncIterable<LoadEvent[]>;

export function openFile(path: string, file: string, limits: Limits): LoadedSource {
  const kind = fileKind(path);
  if (kind === 'jsonl') return loadJsonl(path, file, limits);
  if (kind) return loadTextFile(path, file, kind, limits);
  return Promise.resolve(notAManifest(file));
}

export function notAManifest(file: string): LoadEvent[] {
  return [{ problem: { file, code: 'READ_ERROR', message: 'not a manifest file' } }];
}

/** Every deployment (or problem) in one file, streamed for JSONL. */
export async function* loadFile(path: string, file: string, limits: Limits): AsyncGenerator<LoadEvent> {
  const source = openFile(path, file, limits);
  if (source instanceof Promise) yield* await source;
  else for await (const batch of source) yield* batch;
}

/** Deployments from a stream such as stdin, in batches: JSONL is streamed, JSON and YAML are read whole (up to maxFileBytes). */
export async function* loadStream(chunks: AsyncIterable<Uint8Array>, file: string, limits: Limits, kind?: FileKind): AsyncGenerator<LoadEvent[]> {
  if (kind === 'jsonl') {
    yield* loadJsonlBatches(chunks, file, limits);
    return;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limits.maxFileBytes) {
      yield [{ problem: { file, code: 'FILE_TOO_LARGE', message: `input is over the limit of ${limits.maxFileBytes} bytes (raise maxFileBytes, or send JSONL with --stdin-format jsonl, which is streamed)` } }];
      return;
    }
    parts.push(chunk);
  }
  const bytes = Buffer.concat(parts);
  const chosen = kind ?? detectKind(bytes);
  if (chosen === 'jsonl') {
    yield* loadJsonlBatches((async function* () { yield bytes; })(), file, limits);
    return;
  }
  yield await parseText(bytes, file, chosen, limits);
}

/**
 * JSONL when the first line is a whole JSON value and more follows it; JSON when the text starts
 * like JSON otherwise; YAML for the rest. Only the first line is parsed here, never the whole input.
 */
function detectKind(bytes: Buffer): FileKind {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Leading blank lines are skipped in a loop: stdin is untrusted, and may hold millions of them.
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
  const newline = bytes.indexOf(0x0a, start);
  const firstLine = bytes.toString('utf8', start, newline === -1 ? bytes.length : newline).trim();
  if (!firstLine.startsWith('{') && !firstLine.startsWith('[')) return 'yaml';
  if (newline === -1 || !/\S/.test(bytes.toString('utf8', newline + 1))) return 'json';
  try {
    JSON.parse(firstLine);
    return 'jsonl';
  } catch {
    return 'json';
  }
}
