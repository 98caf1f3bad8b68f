/**
 * Text from an untrusted file (a key, a tag, an alias) as a message or path shows it: cut short,
 * so a megabyte key cannot become a megabyte message, and with control characters made visible
 * (`\u001b`), so no key can drive a terminal or forge a line of output.
 */
export function showUntrusted(text: string, max = 64): string {
  let short = text;
  if (text.length > max) {
    const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
    short = `${text.slice(0, end)}…`;
  }
  return short.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
