import type { Problem } from '../types.js';
import { decode } from './decode.js';
import type { LoadEvent } from './document.js';
import type { FileKind } from './file-kind.js';
import type { Limits } from './limits.js';
import { parseJson } from './parse-json.js';
import { readBounded, type BoundedRead } from './read-bounded.js';
import { describeFsError } from './read-errors.js';
import { loadYamlParser } from './yaml-loader.js';

/** Reads a whole JSON or YAML file (bounded by maxFileBytes) and parses its deployments. */
export async function loadTextFile(path: string, file: string, kind: Exclude<FileKind, 'jsonl'>, limits: Limits): Promise<LoadEvent[]> {
  const fail = (code: Problem['code'], message: string): LoadEvent[] => [{ problem: { file, code, message } }];
  let read: BoundedRead;
  try {
    read = readBounded(path, limits.maxFileBytes);
  } catch (error) {
    return fail('READ_ERROR', describeFsError(error));
  }
  if ('notAFile' in read) return fail('READ_ERROR', 'not a regular file');
  if ('tooLarge' in read) {
    return fail('FILE_TOO_LARGE', `file is ${read.tooLarge} bytes, over the limit of ${limits.maxFileBytes} (raise maxFileBytes, or use JSONL, which is streamed)`);
  }
  return parseText(read.bytes, file, kind, limits);
}

/** Decodes and parses a whole JSON or YAML text. */
export async function parseText(bytes: Uint8Array, file: string, kind: Exclude<FileKind, 'jsonl'>, limits: Limits): Promise<LoadEvent[]> {
  const fail = (code: Problem['code'], message: string): LoadEvent[] => [{ problem: { file, code, message } }];
  const decoded = decode(bytes);
  if (!decoded.ok) return fail('ENCODING_ERROR', decoded.message);
  if (decoded.text.trim() === '') return fail('NO_DEPLOYMENTS', 'empty file: no deployment in it');
  const events = kind === 'json' ? jsonEvents(decoded.text, file, limits) : (await loadYamlParser())(decoded.text, file, limits);
  if (events.length === 0) return fail('NO_DEPLOYMENTS', 'no deployment in this file (only comments or empty documents)');
  return events;
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
