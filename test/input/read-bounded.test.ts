import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBounded } from '../../src/input/read-bounded.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

describe('readBounded', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('reads a file whole, and refuses one over the limit before reading it', async () => {
    const file = await tmp.write('a.json', '{"a": 1}');
    expect(Buffer.from((readBounded(file, 100) as { bytes: Uint8Array }).bytes).toString()).toBe('{"a": 1}');
    expect(readBounded(file, 3)).toEqual({ tooLarge: 8 });
  });

  it('does not block on a FIFO put where a file was listed, and says it is not a file', () => {
    const fifo = tmp.path('swapped.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readBounded(fifo, 100)).toEqual({ notAFile: true });
  });

  it('throws the file-system error for the caller to describe', () => {
    expect(() => readBounded(tmp.path('missing.json'), 100)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
