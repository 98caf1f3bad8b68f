import { describe, expect, it, vi } from 'vitest';

// jsonc-parser builds the tree that names a duplicate key; make it fail, as a stack overflow would.
vi.mock('jsonc-parser', async (importOriginal) => ({
  ...(await importOriginal<typeof import('jsonc-parser')>()),
  parseTree: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe('parseJson: duplicate keys fail closed', () => {
  it('refuses a duplicate key even when it cannot be pinned down', async () => {
    const { parseJson } = await import('../../src/input/parse-json.js');
    const { defaultLimits } = await import('../../src/input/limits.js');
    const parsed = parseJson('{\n  "spec": {\n    "provider": "azure", "provider": "oracle"\n  }\n}', 'dup.json', defaultLimits);
    expect(parsed.value).toBeUndefined();
    // Not the duplicate's own position (line 3): the path that could not pin it down answers the file's start.
    expect(parsed.problems).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_KEY', file: 'dup.json', line: 1, column: 1, message: expect.stringContaining('a key appears twice in one object') }),
    ]);
  });
});

describe('resolveLimits', () => {
  it('refuses a maxDepth that would let the guard walk overflow the stack, and nonsense values', async () => {
    const { resolveLimits } = await import('../../src/input/limits.js');
    expect(() => resolveLimits({ maxDepth: 1001 })).toThrow(/maxDepth can be at most 1000/);
    expect(() => resolveLimits({ maxFileBytes: -1 })).toThrow(/positive whole number/);
    expect(resolveLimits({ maxDepth: 1000 }).maxDepth).toBe(1000);
  });
});
