import type { PathSegment } from '../path.js';

export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// Taken when the module loads: a parsed value can hold a key named hasOwnProperty.
const { hasOwnProperty } = Object.prototype;

export interface GuardViolation {
  kind: 'FORBIDDEN_KEY' | 'TOO_DEEP';
  segments: PathSegment[];
  key?: string;
}

export interface GuardResult {
  violation?: GuardViolation;
  /** Object keys seen, for the cheap duplicate-key test on JSON. */
  keys: number;
}

/** Walks a parsed value once: refuses prototype-polluting keys and nesting beyond the limit. */
export function guardValue(value: unknown, maxDepth: number): GuardResult {
  const result = scan(value, maxDepth);
  return typeof result === 'number' ? { keys: result } : { keys: 0, violation: result };
}

/**
 * Object keys in `value`, or the first violation. The path to a violation is built as the walk
 * returns from it, so the common, clean walk keeps no path at all.
 */
function scan(value: unknown, depthLeft: number): number | GuardViolation {
  if (value === null || typeof value !== 'object') return 0;
  if (depthLeft === 0) return { kind: 'TOO_DEEP', segments: [] };
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = scan(value[i], depthLeft - 1);
      if (typeof inner !== 'number') {
        inner.segments.unshift(i);
        return inner;
      }
      count += inner;
    }
    return count;
  }
  for (const key in value) {
    // Own keys only: an enumerable property on a polluted Object.prototype would add to the count
    // and could balance a duplicate key that the count exists to catch. (for-in with this check
    // makes no array of keys per object, and V8 turns the check into a map comparison.)
    if (!hasOwnProperty.call(value, key)) continue;
    if (forbiddenKeys.has(key)) return { kind: 'FORBIDDEN_KEY', segments: [key], key };
    const inner = scan((value as Record<string, unknown>)[key], depthLeft - 1);
    if (typeof inner !== 'number') {
      inner.segments.unshift(key);
      return inner;
    }
    count += inner + 1;
  }
  return count;
}
