import type { Limits, Problem } from '../types.js';
import { decode } from './decode.js';
import type { LoadEvent } from './document.js';
import type { LoadContext, LoadText } from './kinds/kind.js';
import { startsLikePlanBytes } from './kinds/sniff.js';
import { readBounded, readHead, type BoundedRead } from './read-bounded.js';
import { describeListedFileError } from './read-errors.js';
import { isBinaryPlan } from './terraform/detect.js';
import { binaryPlanEvent } from './terraform/plan-events.js';

/** A whole file's text, or the problem that stops it from being checked. */
export type TextRead = { text: string } | { events: LoadEvent[] };

const problemEvents = (file: string, code: Problem['code'], message: string): LoadEvent[] => [{ problem: { file, code, message } }];

/**
 * Reads and decodes a whole file (bounded by maxFileBytes); synchronous. `shortReadIsEnd`: the
 * text cannot parse when cut short (JSON), so one short read may be taken for the whole file.
 */
export function readTextFile(path: string, file: string, limits: Limits, shortReadIsEnd: boolean): TextRead {
  let read: BoundedRead;
  try {
    read = readBounded(path, limits.maxFileBytes, { transient: true, shortReadIsEnd });
  } catch (error) {
    return { events: problemEvents(file, 'READ_ERROR', describeListedFileError(error)) };
  }
  if ('notAFile' in read) return { events: problemEvents(file, 'READ_ERROR', 'not a regular file') };
  if ('tooLarge' in read && limits.maxPlanBytes > limits.maxFileBytes && startsLikePlanFile(path)) {
    try {
      read = readBounded(path, limits.maxPlanBytes);
    } catch (error) {
      return { events: problemEvents(file, 'READ_ERROR', describeListedFileError(error)) };
    }
    if ('tooLarge' in read) return { events: problemEvents(file, 'FILE_TOO_LARGE', `Terraform plan is ${read.tooLarge} bytes, over the limit of ${limits.maxPlanBytes} (raise maxPlanBytes, --max-plan-bytes)`) };
    if ('notAFile' in read) return { events: problemEvents(file, 'READ_ERROR', 'not a regular file') };
  }
  if ('tooLarge' in read) {
    return { events: problemEvents(file, 'FILE_TOO_LARGE', `file is ${read.tooLarge} bytes, over the limit of ${limits.maxFileBytes} (raise maxFileBytes, or use JSONL, which is streamed)`) };
  }
  if (isBinaryPlan(read.bytes)) return { events: [binaryPlanEvent(file)] };
  return decodeText(read.bytes, file);
}

export function decodeText(bytes: Uint8Array, file: string): TextRead {
  const decoded = decode(bytes);
  return decoded.ok ? { text: decoded.text } : { events: problemEvents(file, 'ENCODING_ERROR', decoded.message) };
}

/** A whole text's deployments, by its kind's loader; a text with none is a problem, never a silent pass. */
export function loadText(text: string, file: string, load: LoadText, limits: Limits, context?: LoadContext): LoadEvent[] {
  if (text.trim() === '') return problemEvents(file, 'NO_DEPLOYMENTS', 'empty file: no deployment in it');
  const events = load(text, file, limits, context);
  if (events.length === 0) return problemEvents(file, 'NO_DEPLOYMENTS', 'no deployment in this file (only comments or empty documents)');
  return events;
}

/** Whether a file too large for maxFileBytes starts as a Terraform plan does, and so gets maxPlanBytes (design 4). */
function startsLikePlanFile(path: string): boolean {
  try {
    return startsLikePlanBytes(readHead(path, 256));
  } catch {
    return false;
  }
}
