import { AccordError } from '../errors.js';
import type { Limits } from '../types.js';

export type { Limits };

export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  // Plans of large estates pass 10 MiB; a plan is one JSON document, parsed once.
  maxPlanBytes: 256 * 1024 * 1024,
  maxLineBytes: 1024 * 1024,
  maxDepth: 64,
  maxAliases: 50,
  maxYamlNodes: 250_000,
});

/** Nesting is walked recursively after parsing; past this, raising the limit would trade a problem for a stack overflow. */
export const maxDepthCeiling = 1000;

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  const limits = { ...defaultLimits, ...(overrides ?? {}) };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < (key === 'maxAliases' ? 0 : 1)) throw new AccordError('INVALID_OPTION', `limits.${key} must be a positive whole number, got ${String(value)}`);
  }
  if (limits.maxDepth > maxDepthCeiling) throw new AccordError('INVALID_OPTION', `limits.maxDepth can be at most ${maxDepthCeiling}, got ${limits.maxDepth}`);
  return limits;
}
