import type { Problem } from '../types.js';
import type { LoadEvent } from './document.js';
import type { Limits } from './limits.js';
import { parseJson } from './parse-json.js';
import { describeListedFileError } from './read-errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Streams JSONL, handing on the records of each chunk read together: a step of the stream per
 * chunk, not per line. Memory is bounded by the chunk and the longest line, and a line over
 * maxLineBytes is skipped (reported) without ever being held whole.
 */
export async function* loadJsonlBatches(chunks: AsyncIterable<Uint8Array>, file: string, limits: Limits): AsyncGenerator<LoadEvent[]> {
  const problem = (code: Problem['code'], message: string, line?: number): LoadEvent => ({
    problem: { file, ...(line === undefined ? {} : { line, column: 1 }), code, message },
  });
  let lineNo = 0;
  let records = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let overlong = false;

  let out: LoadEvent[] = [];

  function finishLine(tail: Uint8Array): void {
    lineNo++;
    if (overlong) {
      overlong = false;
      out.push(problem('LINE_TOO_LONG', `line is longer than the limit of ${limits.maxLineBytes} bytes (limit maxLineBytes): skipped`, lineNo));
      return;
    }
    let bytes = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (lineNo === 1 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new EncodingRefusal();
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      out.push(problem('ENCODING_ERROR', 'not UTF-8 text', lineNo));
      return;
    }
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!/\S/.test(text)) return;
    records++;
    const parsed = parseJson(text, file, limits, lineNo);
    if (parsed.problems.length > 0) {
      for (const p of parsed.problems) out.push({ problem: p });
      return;
    }
    if (Array.isArray(parsed.value)) {
      out.push(problem('SCHEMA_ERROR', 'a JSONL line holds one deployment object, not an array', lineNo));
      return;
    }
    out.push({ document: { file, value: parsed.value, start: parsed.locate([]), locate: parsed.locate } });
  }

  /** The records finished so far, handed on (and forgotten here). */
  const take = (): LoadEvent[] => {
    const batch = out;
    out = [];
    return batch;
  };

  try {
    for await (const chunk of chunks) {
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
        const part = chunk.subarray(from, nl);
        if (!overlong && pendingBytes + part.length > limits.maxLineBytes) dropPending();
        finishLine(overlong ? Buffer.alloc(0) : part);
        from = nl + 1;
      }
      if (out.length > 0) yield take();
      const rest = chunk.subarray(from);
      if (overlong) continue;
      if (pendingBytes + rest.length > limits.maxLineBytes) dropPending();
      else if (rest.length > 0) {
        pending.push(Buffer.from(rest));
        pendingBytes += rest.length;
      }
    }
    if (overlong || pendingBytes > 0) finishLine(Buffer.alloc(0));
  } catch (error) {
    const done = take();
    if (error instanceof EncodingRefusal) done.push(problem('ENCODING_ERROR', 'UTF-16 text: JSONL must be UTF-8 (re-save the file as UTF-8)', 1));
    else done.push(problem('READ_ERROR', describeListedFileError(error), lineNo > 0 ? lineNo + 1 : undefined));
    yield done;
    return;
  }
  if (records === 0) out.push(problem('NO_DEPLOYMENTS', 'no deployment in this file (no non-empty line)'));
  if (out.length > 0) yield take();

  function dropPending(): void {
    overlong = true;
    pending = [];
    pendingBytes = 0;
  }
}

class EncodingRefusal extends Error {}
