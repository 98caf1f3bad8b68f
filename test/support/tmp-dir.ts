import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under `parent` (default: os.tmpdir()); `write` creates parent folders; `cleanup` removes it all. */
export interface TempDir {
  dir: string;
  path(...parts: string[]): string;
  write(relative: string, content: string | Uint8Array): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix = 'accord-test-', parent = os.tmpdir()): Promise<TempDir> {
  const dir = await mkdtemp(path.join(parent, prefix));
  return {
    dir,
    path: (...parts) => path.join(dir, ...parts),
    async write(relative, content) {
      const target = path.join(dir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
      return target;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Drains an async iterable (a loader's events) into an array. */
export async function collectAll<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`, computed independently of the loaders. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
