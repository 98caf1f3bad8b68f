import * as jsonc from 'jsonc-parser';
import { formatPath, type PathSegment } from '../path.js';
import type { Position, Problem } from '../types.js';
import { showUntrusted } from '../untrusted-text.js';
import { guardValue } from './guard.js';
import { createJsonLocator } from './json-locate.js';
import type { Limits } from './limits.js';
import { LineIndex } from './text-position.js';

export interface ParsedJson {
  value?: unknown;
  problems: Problem[];
  locate(segments: readonly PathSegment[]): Position;
}

/**
 * JSON.parse is the fast path; positions are found by scanning the text when asked for (a finding
 * or a problem), and jsonc-parser's tree is built only to name a duplicate key. Duplicate keys, which JSON.parse silently collapses, are
 * caught by comparing the keys in the text with the keys in the parsed value.
 */
export function parseJson(text: string, file: string, limits: Limits, firstLine = 1): ParsedJson {
  let index: LineIndex | undefined;
  // Offset 0 (where a one-deployment file starts) needs no line index: every clean file is spared one.
  const at = (offset: number): Position => (offset === 0 ? { line: firstLine, column: 1 } : (index ??= new LineIndex(text, firstLine)).position(offset));
  const offsetOf = createJsonLocator(text);
  const locate = (segments: readonly PathSegment[]): Position => at(offsetOf(segments));
  const problem = (code: Problem['code'], message: string, offset: number, segments?: PathSegment[]): ParsedJson => ({
    problems: [{ file, ...at(offset), code, message, ...(segments ? { path: formatPath(segments) } : {}) }],
    locate,
  });

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { offset, message } = describeSyntaxError(text, error);
    return problem('PARSE_ERROR', `invalid JSON: ${message}`, offset);
  }
  const guard = guardValue(value, limits.maxDepth);
  if (guard.violation?.kind === 'FORBIDDEN_KEY') {
    const segments = guard.violation.segments;
    return problem('FORBIDDEN_KEY', `forbidden key "${guard.violation.key}" (it could pollute object prototypes)`, offsetOf(segments), segments);
  }
  if (guard.violation) return problem('TOO_DEEP', `nesting deeper than ${limits.maxDepth} levels (limit maxDepth)`, offsetOf(guard.violation.segments, true));
  if (keysRepeat(text, guard.keys)) {
    const duplicate = findDuplicateKey(safeTree(text));
    if (duplicate) {
      const first = at(duplicate.first);
      return problem(
        'DUPLICATE_KEY',
        `duplicate key "${showUntrusted(duplicate.key)}" (first at line ${first.line}): JSON.parse would silently keep the last one`,
        duplicate.second,
      );
    }
    // The counts only differ when a key repeats: never let a duplicate through because it could not be pinned down.
    return problem('DUPLICATE_KEY', 'a key appears twice in one object (JSON.parse would silently keep the last one)', 0);
  }
  return { value, problems: [], locate };
}

function safeTree(text: string): jsonc.Node | undefined {
  try {
    return jsonc.parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  } catch {
    return undefined;
  }
}

/**
 * Whether the text holds more keys than the parsed value. Keys in valid JSON text are the colons
 * outside strings; colons inside strings only add to a plain count of colons, so when that count
 * equals the parsed keys no key can repeat, and the strings need not be skipped. Nor when the count
 * less the colons of "://" does: outside strings a colon is followed by a value, never by "/", so
 * each "://" is a colon inside a string (most manifests' only ones are those of their URLs).
 */
function keysRepeat(text: string, parsedKeys: number): boolean {
  let colons = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) colons++;
  if (colons === parsedKeys) return false;
  let inUrls = 0;
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) inUrls++;
  return colons - inUrls !== parsedKeys && countKeysInText(text) !== parsedKeys;
}

/** Keys in valid JSON text are the colons outside strings. */
function countKeysInText(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) count++;
  }
  return count;
}

function findDuplicateKey(root: jsonc.Node | undefined): { key: string; first: number; second: number } | undefined {
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop() as jsonc.Node;
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value as string;
        const first = seen.get(key);
        if (first !== undefined) return { key, first, second: property.offset };
        seen.set(key, property.offset);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return undefined;
}

function describeSyntaxError(text: string, error: unknown): { offset: number; message: string } {
  const errors: jsonc.ParseError[] = [];
  try {
    jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch {
    // too deep for the positioned parser: fall back to JSON.parse's own words
  }
  const first = errors[0];
  if (first) return { offset: first.offset, message: describeJsoncError(first.error) };
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  return { offset: position ? Number(position[1]) : 0, message };
}

function describeJsoncError(code: jsonc.ParseErrorCode): string {
  const words: Partial<Record<jsonc.ParseErrorCode, string>> = {
    [jsonc.ParseErrorCode.InvalidSymbol]: 'unexpected character',
    [jsonc.ParseErrorCode.InvalidNumberFormat]: 'invalid number',
    [jsonc.ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
    [jsonc.ParseErrorCode.ValueExpected]: 'expected a value',
    [jsonc.ParseErrorCode.ColonExpected]: "expected ':'",
    [jsonc.ParseErrorCode.CommaExpected]: "expected ','",
    [jsonc.ParseErrorCode.CloseBraceExpected]: "expected '}' (the file may be truncated)",
    [jsonc.ParseErrorCode.CloseBracketExpected]: "expected ']' (the file may be truncated)",
    [jsonc.ParseErrorCode.EndOfFileExpected]: 'unexpected content after the end of the JSON value',
    [jsonc.ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
    [jsonc.ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
    [jsonc.ParseErrorCode.UnexpectedEndOfString]: 'unterminated string (the file may be truncated)',
    [jsonc.ParseErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
    [jsonc.ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
    [jsonc.ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape sequence',
    [jsonc.ParseErrorCode.InvalidCharacter]: 'invalid character in a string (control characters must be escaped)',
  };
  return words[code] ?? jsonc.printParseErrorCode(code);
}
