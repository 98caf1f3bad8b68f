import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/input/limits.js';
import { json } from '../../src/input/kinds/json.js';
import { loadText, readTextFile } from '../../src/input/load-text-file.js';
import { readBounded } from '../../src/input/read-bounded.js';
import { missingTool } from '../support/outside-tools.js';
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

  it('copies the bytes out unless asked for a transient view, which the next read overwrites', async () => {
    const first = await tmp.write('first.json', '{"first": 1}');
    const second = await tmp.write('second.json', '{"other": 2}');
    const kept = (readBounded(first, 100) as { bytes: Buffer }).bytes;
    const view = (readBounded(first, 100, { transient: true }) as { bytes: Buffer }).bytes;
    expect(view.toString()).toBe('{"first": 1}');
    readBounded(second, 100, { transient: true });
    expect(view.toString()).toBe('{"other": 2}');
    expect(kept.toString()).toBe('{"first": 1}');
  });

  it('reads files around and beyond the first 64 KiB read whole, byte for byte', async () => {
    for (const size of [0, 1, 65_535, 65_536, 65_537, 300_001]) {
      const content = Buffer.alloc(size, 0);
      for (let i = 0; i < size; i++) content[i] = 97 + (i % 26);
      const file = await tmp.write(`f-${size}.json`, content);
      const read = readBounded(file, 1_000_000) as { bytes: Uint8Array };
      expect(Buffer.compare(Buffer.from(read.bytes), content), `size ${size}`).toBe(0);
      if (size > 0) expect(readBounded(file, size - 1), `size ${size}`).toEqual({ tooLarge: size });
    }
  });

  it('gives each read its own bytes (the buffer it reads into is reused)', async () => {
    const a = readBounded(await tmp.write('a.json', 'first'), 100) as { bytes: Uint8Array };
    const b = readBounded(await tmp.write('b.json', 'second!'), 100) as { bytes: Uint8Array };
    expect([Buffer.from(a.bytes).toString(), Buffer.from(b.bytes).toString()]).toEqual(['first', 'second!']);
  });

  it.skipIf(missingTool('mkfifo'))('does not block on a FIFO put where a file was listed, and says it is not a file', () => {
    const fifo = tmp.path('swapped.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readBounded(fifo, 100)).toEqual({ notAFile: true });
  });

  it.skipIf(missingTool('mkfifo'))('refuses a FIFO that holds data too (a short read of it is not its end)', () => {
    const fifo = tmp.path('fed.yaml');
    execFileSync('mkfifo', [fifo]);
    // O_RDWR opens a FIFO without waiting for a reader on Linux: this descriptor keeps a writer attached.
    const writer = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      writeSync(writer, 'apiVersion: accord/v1\n');
      expect(readBounded(fifo, 100)).toEqual({ notAFile: true });
    } finally {
      closeSync(writer);
    }
  });

  it('refuses a file that holds more than its size says, rather than cut it short', () => {
    // /proc files say size 0; one that grows while it is read behaves the same way.
    expect(() => readBounded('/proc/self/status', 100_000)).toThrow(/holds more than its size says/);
  });

  it('throws the file-system error for the caller to describe', () => {
    expect(() => readBounded(tmp.path('missing.json'), 100)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  describe('with shortReadIsEnd (JSON)', () => {
    const quick = { shortReadIsEnd: true };

    it('reads files of every size whole, and refuses one over the limit with its size', async () => {
      for (const size of [0, 1, 100, 65_535, 65_536, 65_537, 300_001]) {
        const content = Buffer.alloc(size, 0);
        for (let i = 0; i < size; i++) content[i] = 97 + (i % 26);
        const file = await tmp.write(`q-${size}.json`, content);
        const read = readBounded(file, 1_000_000, quick) as { bytes: Uint8Array };
        expect(Buffer.compare(Buffer.from(read.bytes), content), `size ${size}`).toBe(0);
        if (size > 0) expect(readBounded(file, size - 1, quick), `size ${size}`).toEqual({ tooLarge: size });
      }
    });

    it.skipIf(missingTool('mkfifo'))('still refuses a FIFO, with data in it or not, and does not block on it', () => {
      const fifo = tmp.path('quick.json');
      execFileSync('mkfifo', [fifo]);
      expect(readBounded(fifo, 100, quick)).toEqual({ notAFile: true });
      const writer = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
      try {
        writeSync(writer, '{"apiVersion": "accord/v1"}');
        expect(readBounded(fifo, 100, quick)).toEqual({ notAFile: true });
      } finally {
        closeSync(writer);
      }
    });

    it("takes a special file's short read for the whole file: the JSON parser is what refuses it", async () => {
      const read = readBounded('/proc/self/status', 100_000, quick) as { bytes: Uint8Array };
      expect(Buffer.from(read.bytes).toString()).toMatch(/^Name:/);
      const text = readTextFile('/proc/self/status', 'status.json', defaultLimits, json.cutTextFails) as { text: string };
      expect(loadText(text.text, 'status.json', await json.loader(), defaultLimits)).toEqual([{ problem: expect.objectContaining({ code: 'PARSE_ERROR' }) }]);
      // YAML takes no such shortcut: the size is checked, and the special file refused.
      expect(readTextFile('/proc/self/status', 'status.yaml', defaultLimits, false)).toEqual({ events: [{ problem: expect.objectContaining({ code: 'READ_ERROR' }) }] });
    });
  });
});
