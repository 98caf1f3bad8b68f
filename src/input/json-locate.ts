import type { PathSegment } from '../path.js';

/**
 * Finds where a field sits in valid JSON text by scanning, without building a tree: positions are
 * asked for every finding, and a tree per file cost more than checking it. Iterative, so any
 * nesting is safe. What a scan finds is kept: an array's element offsets (found as far as an
 * index asked for, resumed from there), and each key looked up in an object, so locating in a
 * large array of deployments, or many times in one plan of hundreds of megabytes, stays linear.
 * Returns the offset of the deepest existing segment's key (or element), falling back to the
 * nearest existing ancestor.
 */
export function createJsonLocator(text: string): (segments: readonly PathSegment[], atValue?: boolean) => number {
  const scans = new Scans(text);
  return (segments, atValue = false) => locateFrom(text, skipSpace(text, 0), segments, atValue, scans);
}

/** `atValue`: point at the field's value rather than its key (where nesting goes too deep). */
function locateFrom(text: string, from: number, segments: readonly PathSegment[], atValue: boolean, scans: Scans): number {
  let i = from;
  let best = from;
  for (const segment of segments) {
    const c = text.charCodeAt(i);
    // A JSON pointer cannot say whether `/0` names a key or an element: the text decides.
    if (c === 0x7b) {
      const value = scans.key(i, String(segment));
      if (value === undefined) return best;
      best = atValue ? value.value : value.key;
      i = value.value;
    } else if (c === 0x5b && typeof segment === 'number') {
      const element = scans.element(i, segment);
      if (element === undefined) return best;
      best = element;
      i = element;
    } else return best;
  }
  return best;
}

/** The scans made so far in one text, by the offset of the object or array they were made in. */
class Scans {
  private readonly arrays = new Map<number, { offsets: number[]; next: number }>();
  private readonly keys = new Map<number, Map<string, { key: number; value: number } | undefined>>();

  constructor(private readonly text: string) {}

  key(open: number, wanted: string): { key: number; value: number } | undefined {
    let found = this.keys.get(open);
    if (!found) this.keys.set(open, (found = new Map()));
    if (found.has(wanted)) return found.get(wanted);
    const value = findKey(this.text, open, wanted);
    found.set(wanted, value);
    return value;
  }

  element(open: number, index: number): number | undefined {
    const text = this.text;
    let array = this.arrays.get(open);
    if (!array) this.arrays.set(open, (array = { offsets: [], next: skipSpace(text, open + 1) }));
    while (array.offsets.length <= index && array.next < text.length && text.charCodeAt(array.next) !== 0x5d) {
      array.offsets.push(array.next);
      let i = skipSpace(text, skipValue(text, array.next));
      if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
      array.next = i;
    }
    return array.offsets[index];
  }
}

function findKey(text: string, open: number, wanted: string): { key: number; value: number } | undefined {
  let i = skipSpace(text, open + 1);
  while (text.charCodeAt(i) === 0x22) {
    const keyStart = i;
    const keyEnd = skipString(text, i);
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    // An escape makes a key longer as written than as read: a key written as `wanted` is it unless
    // that spelling holds an escape, and only a longer one with an escape needs decoding.
    const written = keyEnd - keyStart - 2;
    const matches =
      written === wanted.length
        ? text.startsWith(wanted, keyStart + 1) && !wanted.includes('\\')
        : written > wanted.length && hasBackslash(text, keyStart + 1, keyEnd - 1) && (JSON.parse(text.slice(keyStart, keyEnd)) as string) === wanted;
    if (matches) return { key: keyStart, value };
    i = skipSpace(text, skipValue(text, value));
    if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
  }
  return undefined;
}

function hasBackslash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x5c) return true;
  return false;
}

/** The offset just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c !== 0x7b && c !== 0x5b) {
    // A number, true, false or null: it ends at white space, a comma or a closing bracket.
    for (; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09 || ch === 0x2c || ch === 0x5d || ch === 0x7d) break;
    }
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) i = skipString(text, i) - 1;
    else if (ch === 0x7b || ch === 0x5b) depth++;
    else if ((ch === 0x7d || ch === 0x5d) && --depth === 0) return i + 1;
  }
  return i;
}

/** The offset just past the string whose opening quote is at `i`. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}
