/**
 * The first line of a text that holds anything (a byte-order mark and blank lines skipped), trimmed,
 * and whether anything but white space follows it: enough to tell JSON, JSONL and YAML apart
 * without parsing more than one line.
 */
export function firstLine(text: string): { line: string; more: boolean } {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A loop, not a regular expression: stdin is untrusted, and may hold millions of blank lines.
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  const newline = text.indexOf('\n', start);
  const line = text.slice(start, newline === -1 ? text.length : newline).trim();
  return { line, more: newline !== -1 && /\S/.test(text.slice(newline + 1)) };
}

export function startsLikeJson(line: string): boolean {
  return line.startsWith('{') || line.startsWith('[');
}

/** A first line that is a whole JSON value, with more lines after it: JSON Lines. */
export function isJsonLines({ line, more }: { line: string; more: boolean }): boolean {
  if (!more || !startsLikeJson(line)) return false;
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const planStart = '"format_version"';

/**
 * Whether a text starts as `terraform show -json` writes a plan (or a state): `{"format_version"`,
 * after a byte-order mark and white space, also pretty-printed. Only the first bytes are looked at.
 */
export function startsLikePlan(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x7b) return false;
  i++;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.startsWith(planStart, i);
}

/** startsLikePlan on the first bytes of an input, read as UTF-16LE after its byte-order mark, else as UTF-8. */
export function startsLikePlanBytes(head: Uint8Array): boolean {
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return startsLikePlan(head[0] === 0xff && head[1] === 0xfe ? buffer.toString('utf16le') : buffer.toString('utf8'));
}
