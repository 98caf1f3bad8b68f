import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/path.js';

/** The definition displayPath's shortcuts must agree with: relative below cwd, absolute elsewhere. */
function reference(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative;
}

describe('displayPath', () => {
  it('shows a path below cwd from there, and any other path as it is', () => {
    expect(displayPath('/work/repo', '/work/repo/deploy/a.json')).toBe('deploy/a.json');
    expect(displayPath('/work/repo', '/tmp/corpus/a.json')).toBe('/tmp/corpus/a.json');
    expect(displayPath('/work/repo', '/work/repository/a.json')).toBe('/work/repository/a.json');
    expect(displayPath('/work/repo', '/work/repo')).toBe('/work/repo');
    expect(displayPath('/work/repo', '/work')).toBe('/work');
    expect(displayPath('/', '/a.json')).toBe('a.json');
    expect(displayPath('/work/repo', '/work/repo/./x/../a.json')).toBe('a.json');
  });

  it('agrees with path.relative on any mix of normal and unusual paths', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '.', '..', '', '.x', '..y');
    const absolute = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(absolute, absolute, (rawCwd, target) => {
        const cwd = path.resolve(rawCwd);
        expect(displayPath(cwd, target), `${cwd} ${target}`).toBe(reference(cwd, target));
      }),
      { numRuns: 3000 },
    );
  });
});
