import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { bytes: Uint8Array } | { notAFile: true } | { tooLarge: number };

/**
 * Reads a whole regular file of at most `maxBytes`, synchronously, as ESLint does: for small files
 * four system calls cost a fraction of a round trip through libuv's thread pool. The size is checked
 * on the open descriptor before anything is read, and O_NONBLOCK keeps a FIFO swapped in for the
 * file from blocking the open. File-system errors are thrown for the caller to describe.
 */
export function readBounded(path: string, maxBytes: number): BoundedRead {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { notAFile: true };
    if (stats.size > maxBytes) return { tooLarge: stats.size };
    const buffer = Buffer.allocUnsafe(stats.size);
    let length = 0;
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
