/**
 * Finds where YAML nesting first goes deeper than `max`, before the parser sees the text: deep
 * nesting overflows its stack, and `- - - …` even exhausts its memory. An estimate from the
 * indentation stack, compact `- `/`? ` entries and flow brackets, which only errs high on absurd
 * documents. (JSON needs none: V8's JSON.parse is not recursive, and the guard walk measures it.)
 */
export function findExcessiveDepth(text: string, max: number): number | undefined {
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let compact = 0;
  const indents: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x22 || c === 0x27) && quoteStartsScalar(text, i)) {
      i = skipQuoted(text, i, c);
      lineStart = false;
      continue;
    }
    if (c === 0x23 /* # */ && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      while (i < n && text.charCodeAt(i) !== 0x0a) i++;
      i--;
      continue;
    }
    if (c === 0x0a) {
      lineStart = true;
      indent = 0;
      compact = 0;
      continue;
    }
    if (lineStart) {
      if (c === 0x20) {
        indent++;
        continue;
      }
      lineStart = false;
      if (flow === 0) {
        while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
        indents.push(indent);
      }
    }
    if (flow === 0 && (c === 0x2d || c === 0x3f) && isSpace(text.charCodeAt(i + 1))) compact++;
    if (c === 0x5b || c === 0x7b) {
      flow++;
      if (flow + indents.length + compact > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (flow > 0) flow--;
    } else if (indents.length + compact > max) {
      return i;
    }
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || Number.isNaN(c);
}

/** In YAML a quote opens a quoted scalar only where a scalar can start, not inside `don't` or `5" screen`. */
function quoteStartsScalar(text: string, i: number): boolean {
  const prev = i === 0 ? 0x0a : text.charCodeAt(i - 1);
  return isSpace(prev) || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a;
}

function skipQuoted(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c) i++;
    else if (c === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
      else return i;
    }
  }
  return text.length;
}

/**
 * Where a YAML text goes past `max` nodes, counted as lines plus flow separators (an upper
 * estimate). The YAML parser spends about 20 µs and 2 KB on each node, so a 2 MB file of
 * `[0,0,0,…` would take half a minute and gigabytes; it is refused before the parser starts.
 */
export function findExcessiveNodes(text: string, max: number): number | undefined {
  let nodes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x0a || c === 0x2c) && ++nodes > max) return i;
  }
  return undefined;
}
