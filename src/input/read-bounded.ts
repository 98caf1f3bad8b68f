import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { bytes: Buffer } | { notAFile: true } | { tooLarge: number };

const SCRATCH_BYTES = 64 * 1024;
const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);

/**
 * Reads a whole regular file of at most `maxBytes`, synchronously, as ESLint does: for small files
 * a few system calls cost a fraction of a round trip through libuv's thread pool. The type and size
 * are checked on the open descriptor before anything is read (O_NONBLOCK keeps a FIFO swapped in for
 * the file from blocking the open). A manifest that fits is read into a reused buffer: with
 * `transient`, the bytes returned are that buffer, valid until the next call (for a caller that
 * decodes them at once); otherwise they are copied out. File-system errors are thrown for the caller to describe.
 *
 * With `shortReadIsEnd`, a file is first read once, without asking its type and size: when that read
 * comes back with fewer bytes than asked for, as a regular file's does only at its end, those bytes
 * are the file. On the benchmark VM the system call and Stats object this saves were a twentieth of a
 * 10,000-file check. Only for a caller that refuses a text cut short anyway, i.e. JSON, which then
 * does not parse (a special file can read short before its end; a cut YAML stream can still parse).
 * A FIFO (which cannot be read at an offset), an empty file, a read that fills the buffer and a
 * file over the limit all go the checked way below.
 */
export function readBounded(path: string, maxBytes: number, { transient = false, shortReadIsEnd = false }: { transient?: boolean; shortReadIsEnd?: boolean } = {}): BoundedRead {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const short = shortReadIsEnd ? readShort(fd, maxBytes) : undefined;
    if (short) return { bytes: transient ? short : Buffer.from(short) };
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { notAFile: true };
    if (stats.size > maxBytes) return { tooLarge: stats.size };
    // Room for one byte more than the size: a file that grows while it is read fills it, where a
    // read bounded by the size would cut a YAML stream between documents and pass what it got.
    const target = stats.size < SCRATCH_BYTES ? scratch : Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    // At least one read, so an empty file is seen to be empty (a /proc file says size 0 and is not).
    do {
      const bytesRead = readSync(fd, target, length, target.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    } while (length < stats.size);
    if (length > stats.size) throw new Error('it holds more than its size says: it grew while accord read it, or is a special file');
    if (target !== scratch) return { bytes: target.subarray(0, length) };
    return { bytes: transient ? scratch.subarray(0, length) : Buffer.from(scratch.subarray(0, length)) };
  } finally {
    closeSync(fd);
  }
}

/** One read at offset 0: the bytes when it came back short of the buffer and within the limit. */
function readShort(fd: number, maxBytes: number): Buffer | undefined {
  let length: number;
  try {
    length = readSync(fd, scratch, 0, SCRATCH_BYTES, 0);
  } catch {
    // A FIFO or a folder: the checked way says what it is.
    return undefined;
  }
  return length > 0 && length < SCRATCH_BYTES && length <= maxBytes ? scratch.subarray(0, length) : undefined;
}

/** The first bytes of a file (fewer when it is shorter). */
export function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
