import { describe, expect, it } from 'vitest';
import { NameRegistry } from '../../src/check/name-registry.js';

describe('NameRegistry', () => {
  it('returns the first occurrence of a name seen again, and nothing for new names', () => {
    const names = new NameRegistry();
    expect(names.claim('api-eastus', 0, 3)).toBeUndefined();
    expect(names.claim('api-westus', 0, 9)).toBeUndefined();
    expect(names.claim('api-eastus', 2, 40)).toEqual({ file: 0, line: 3 });
    expect(names.claim('api-eastus', 3, 50)).toEqual({ file: 0, line: 3 });
  });

  it.each([0, 50_000])('keeps every name exact across growth, sized for %i names: 200,000 distinct names, then each one again', (expected) => {
    const names = new NameRegistry(expected);
    const count = 200_000;
    for (let i = 0; i < count; i++) expect(names.claim(`deploy-${i}`, i % 7, i + 1)).toBeUndefined();
    for (let i = 0; i < count; i += 997) expect(names.claim(`deploy-${i}`, 0, 1)).toEqual({ file: i % 7, line: i + 1 });
  });

  it('finds a second claim of the very first name (the table is made when a second name comes)', () => {
    const names = new NameRegistry(1);
    expect(names.claim('only', 0, 7)).toBeUndefined();
    expect(names.claim('only', 1, 2)).toEqual({ file: 0, line: 7 });
    expect(names.claim('other', 1, 3)).toBeUndefined();
    expect(names.claim('only', 2, 9)).toEqual({ file: 0, line: 7 });
  });

  it('tells apart names that differ only in order or by one character', () => {
    const names = new NameRegistry();
    for (const name of ['ab', 'ba', 'a-b', 'b-a', 'aa', 'a', 'abc', 'acb']) expect(names.claim(name, 0, 1), name).toBeUndefined();
  });
});
