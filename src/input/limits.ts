/** Resource limits on untrusted input; each answers a threat listed in the README's Security section. */
export interface Limits {
  /** Largest JSON or YAML file read (JSONL is streamed and bounded per line instead). */
  maxFileBytes: number;
  /** Longest JSONL line. */
  maxLineBytes: number;
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Most YAML alias uses in one document. */
  maxAliases: number;
  /** Most YAML nodes in one file, counted as lines plus flow items (JSON and JSONL are parsed natively and need no such limit). */
  maxYamlNodes: number;
}

export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  maxLineBytes: 1024 * 1024,
  maxDepth: 64,
  maxAliases: 50,
  maxYamlNodes: 250_000,
});

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  return { ...defaultLimits, ...(overrides ?? {}) };
}
