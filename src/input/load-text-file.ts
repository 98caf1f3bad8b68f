import type { Problem } from '../types.js';
import { decode } from './decode.js';
import type { LoadEvent } from './document.js';
import type { FileKind } from './file-kind.js';
import type { Limits } from './limits.js';
import { parseJson } from './parse-json.js';
import type { parseYaml as ParseYaml } from './parse-yaml.js';
import { readBounded, type BoundedRead } from './read-bounded.js';
import { describeListedFileError } from './read-errors.js';
import { loadYamlParser } from './yaml-loader.js';

export type WholeFileKind = Exclude<FileKind, 'jsonl'>;

/** A whole JSON or YAML file's text, or the problem that stops it from being checked. */
export type TextRead = { text: string } | { events: LoadEvent[] };

const problemEvents = (file: string, code: Problem['code'], message: string): LoadEvent[] => [{ problem: { file, code, message } }];

/** Reads and decodes a whole JSON or YAML file (bounded by maxFileBytes); synchronous. */
export function readTextFile(path: string, file: string, kind: WholeFileKind, limits: Limits): TextRead {
  let read: BoundedRead;
  try {
    // A JSON text cut short does not parse, so one short read may be taken for the whole file.
    read = readBounded(path, limits.maxFileBytes, { transient: true, shortReadIsEnd: kind === 'json' });
  } catch (error) {
    return { events: problemEvents(file, 'READ_ERROR', describeListedFileError(error)) };
  }
  if ('notAFile' in read) return { events: problemEvents(file, 'READ_ERROR', 'not a regular file') };
  if ('tooLarge' in read) {
    return { events: problemEvents(file, 'FILE_TOO_LARGE', `file is ${read.tooLarge} bytes, over the limit of ${limits.maxFileBytes} (raise maxFileBytes, or use JSONL, which is streamed)`) };
  }
  return decodeText(read.bytes, file);
}

function decodeText(bytes: Uint8Array, file: string): TextRead {
  const decoded = decode(bytes);
  return decoded.ok ? { text: decoded.text } : { events: problemEvents(file, 'ENCODING_ERROR', decoded.message) };
}

/** Parses a whole JSON or YAML text into its deployments; `parseYaml` is needed for YAML only. */
export function parseTextFile(text: string, file: string, kind: WholeFileKind, limits: Limits, parseYaml?: typeof ParseYaml): LoadEvent[] {
  if (text.trim() === '') return problemEvents(file, 'NO_DEPLOYMENTS', 'empty file: no deployment in it');
  if (kind === 'yaml' && !parseYaml) throw new Error('parseTextFile: a YAML text needs the YAML parser');
  const events = kind === 'json' ? jsonEvents(text, file, limits) : (parseYaml as typeof ParseYaml)(text, file, limits);
  if (events.length === 0) return problemEvents(file, 'NO_DEPLOYMENTS', 'no deployment in this file (only comments or empty documents)');
  return events;
}

/** Reads and parses a whole JSON or YAML file. */
export async function loadTextFile(path: string, file: string, kind: WholeFileKind, limits: Limits): Promise<LoadEvent[]> {
  return parseRead(readTextFile(path, file, kind, limits), file, kind, limits);
}

/** Decodes and parses a whole JSON or YAML text held in memory (stdin). */
export async function parseText(bytes: Uint8Array, file: string, kind: WholeFileKind, limits: Limits): Promise<LoadEvent[]> {
  return parseRead(decodeText(bytes, file), file, kind, limits);
}

async function parseRead(read: TextRead, file: string, kind: WholeFileKind, limits: Limits): Promise<LoadEvent[]> {
  if ('events' in read) return read.events;
  return parseTextFile(read.text, file, kind, limits, kind === 'yaml' ? await loadYamlParser() : undefined);
}

function jsonEvents(text: string, file: string, limits: Limits): LoadEvent[] {
  const parsed = parseJson(text, file, limits);
  if (parsed.problems.length > 0) return parsed.problems.map((problem) => ({ problem }));
  const { value, locate } = parsed;
  if (!Array.isArray(value)) return [{ document: { file, value, start: locate([]), locate } }];
  if (value.length === 0) return [{ problem: { file, ...locate([]), code: 'NO_DEPLOYMENTS', message: 'empty array: no deployment in this file' } }];
  return value.map((element, index) => ({
    document: { file, value: element, start: locate([index]), locate: (segments) => locate([index, ...segments]) },
  }));
}
