type Child = Node | string | null | undefined | false;

/** Creates an element; text always goes in as text nodes, never as markup, so report data stays data. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** `file:line:col`, or less where the position is unknown. */
export function location(file: string, line?: number, column?: number): string {
  if (line === undefined || line < 1) return file;
  return column !== undefined && column >= 1 ? `${file}:${line}:${column}` : `${file}:${line}`;
}

/** One formatter, made once: toLocaleString makes one per call. */
const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `12,345`, `2.5`. */
export function formatNumber(value: number): string {
  return numbers.format(value);
}

export function plural(count: number, word: string): string {
  return `${formatNumber(count)} ${word}${count === 1 ? '' : 's'}`;
}
