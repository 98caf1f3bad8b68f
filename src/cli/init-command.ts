import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { version } from '../index.js';
import { starterFiles, snippets } from './init-files.js';
import { write, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/**
 * Writes the starter files into `folder` (default: the working directory) and prints what to do
 * next. Refuses, writing nothing, when any of them exists: a user's file is never overwritten.
 */
export async function runInitCommand(folder: string | undefined, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, folder ?? '.');
  const shown = (file: string): string => path.relative(io.cwd, path.join(root, file)).split(path.sep).join('/');
  const existing = starterFiles.filter((f) => exists(path.join(root, f.path))).map((f) => shown(f.path));
  if (existing.length > 0) {
    throw new UsageError(`init would overwrite ${existing.join(', ')}: nothing written (move ${existing.length === 1 ? 'it' : 'them'} aside, or run accord init in another folder)`);
  }
  const written: string[] = [];
  for (const file of starterFiles) {
    const target = path.join(root, file.path);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      // 'wx' fails rather than replace a file that appeared since the check above.
      writeFileSync(target, file.text, { flag: 'wx' });
    } catch (error) {
      const done = written.length > 0 ? ` (already written: ${written.join(', ')})` : '';
      throw new UsageError(`cannot write ${shown(file.path)}: ${error instanceof Error ? error.message : String(error)}${done}`);
    }
    written.push(shown(file.path));
  }
  const width = Math.max(...written.map((f) => f.length));
  const list = starterFiles.map((f, i) => `  ${written[i]!.padEnd(width)}  ${f.about}`).join('\n');
  const check = folder === undefined ? 'npx accord check' : `cd ${shown('.')} && npx accord check`;
  await write(io.stdout, `accord init: wrote\n${list}\n\nNext: run \`${check}\`: it checks the example, which passes.\n\n${snippets(version)}`);
  return 0;
}

/** A dangling symbolic link counts: writing through it would create a file somewhere else. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
