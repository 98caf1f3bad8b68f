import type { FoundFile } from '../input/find-files.js';
import { isStreamedPath, type FilePart } from '../input/load-source.js';
import type { ShardSpec } from '../types.js';

/**
 * The shard (0-based) a key belongs to: FNV-1a (32-bit) over the key's UTF-8 bytes, mod `count`.
 * The key is a display path ('/'-separated, relative to cwd), so the split is the same on every
 * machine and under any file order.
 */
export function shardOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0) % count;
}

/** The key of one record of a streamed file: its file and line. */
const recordKey = (file: string, line: number): string => `${file}#${line}`;

const owns = (shard: ShardSpec, key: string): boolean => shardOf(key, shard.count) === shard.index - 1;

/**
 * The files a shard reads: the whole files whose path hashes to it, and every streamed (JSONL)
 * file, whose records it then takes by `shardParts`.
 */
export function shardFiles(files: readonly FoundFile[], shard: ShardSpec): FoundFile[] {
  return files.filter((f) => isStreamedPath(f.path) || owns(shard, f.file));
}

/**
 * The parts of a shard's files with only its own events: a streamed file's record (document or
 * problem at a line) goes to the shard of (file, line); a problem of the file as a whole, and the
 * count of the file itself, to the shard of the file.
 */
export async function* shardParts(source: AsyncIterable<readonly FilePart[]>, files: readonly FoundFile[], shard: ShardSpec): AsyncGenerator<readonly FilePart[]> {
  let current = 0;
  for await (const parts of source) {
    const out: FilePart[] = [];
    for (const part of parts) {
      const found = files[current] as FoundFile | undefined;
      // Past the last file: problems of the run as a whole (a named folder with no manifest), in every shard.
      if (found === undefined || !isStreamedPath(found.path)) out.push(part);
      else {
        const events = part.events.filter((event) => {
          const line = 'document' in event ? event.document.start.line : 'problem' in event ? event.problem.line : undefined;
          return owns(shard, line === undefined ? found.file : recordKey(found.file, line));
        });
        out.push({ events, fileEnds: part.fileEnds && owns(shard, found.file) });
      }
      if (part.fileEnds) current++;
    }
    yield out;
  }
}
