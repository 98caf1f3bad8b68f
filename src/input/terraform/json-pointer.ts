import type { PathSegment } from '../../path.js';
import { pointerToSegments } from '../../path.js';
import type { Position } from '../../types.js';
import { createJsonLocator } from '../json-locate.js';
import { LineIndex } from '../text-position.js';

/** RFC 6901: `~` is written `~0` and `/` is written `~1`. */
export function toPointer(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    const token = String(segment);
    out += token.includes('~') || token.includes('/') ? `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}` : `/${token}`;
  }
  return out;
}

/** `pointer` extended by more segments. */
export function pointerTo(pointer: string, ...segments: readonly PathSegment[]): string {
  return pointer + toPointer(segments);
}

/**
 * Line and column of a pointer in the JSON text it points into; a pointer to something absent
 * answers for its nearest existing ancestor. The text is scanned only as far as the pointers
 * asked for need.
 */
export function createPointerLocator(text: string): (pointer: string) => Position {
  const offsetOf = createJsonLocator(text);
  let lines: LineIndex | undefined;
  return (pointer) => (lines ??= new LineIndex(text)).position(offsetOf(pointerToSegments(pointer)));
}
