import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { bytes: Uint8Array } | { notAFile: true } | { tooLarge: number };

const FIRST_READ = 64 * 1024;
const scratch = Buffer.allocUnsafeSlow(FIRST_READ);

/**
 * Reads a whole regular file of at most `maxBytes`, synchronously, as ESLint does: for small files
 * a few system calls cost a fraction of a round trip through libuv's thread pool. A manifest
 * usually fits one read into a reused buffer, and a short read of a regular file is its end: open,
 * read, close. A larger (or empty) file is checked on its open descriptor before the rest is read.
 * O_NONBLOCK keeps a FIFO swapped in for the file from blocking the open.
 * File-system errors are thrown for the caller to describe.
 */
export function readBounded(path: string, maxBytes: number): BoundedRead {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const first = readSync(fd, scratch, 0, FIRST_READ, null);
    // Nothing read: an empty file, or a FIFO without a writer (which reads as empty).
    if (first > 0 && first < FIRST_READ) return first > maxBytes ? { tooLarge: first } : { bytes: Buffer.from(scratch.subarray(0, first)) };
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { notAFile: true };
    if (stats.size > maxBytes) return { tooLarge: stats.size };
    const buffer = Buffer.allocUnsafe(stats.size);
    scratch.copy(buffer, 0, 0, first);
    let length = first;
    while (length < stats.size) {
      const bytesRead = readSync(fd, buffer, length, stats.size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
