/** XML 1.0 escaping for the JUnit writers. */
export function element(name: string, attributes: Record<string, string>, content: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${attr(value)}"`)
    .join('');
  return `<${name}${attrs}>${text(content)}</${name}>`;
}

/** Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function text(value: string): string {
  return value
    .replace(FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values also escape quotes and whitespace, which parsers would otherwise normalise to spaces. */
export function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

