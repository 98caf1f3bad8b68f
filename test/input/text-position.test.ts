import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/input/text-position.js';

const naive = (text: string, offset: number, firstLine: number) => {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length - 1 + firstLine, column: offset - (lastNewline + 1) + 1 };
};

describe('LineIndex', () => {
  it('gives the line and column of any offset, asked in any order (lines are indexed as far as asked)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é'), { maxLength: 200 }).map((chars) => chars.join('')),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (text, picks, firstLine) => {
          const index = new LineIndex(text, firstLine);
          for (const pick of picks) {
            const offset = pick % (text.length + 1);
            expect(index.position(offset)).toEqual(naive(text, offset, firstLine));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
