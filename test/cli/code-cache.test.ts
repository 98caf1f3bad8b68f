import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { repo } from './run-cli.js';

// bin/accord.cjs runs dist/cli.cjs through the V8 code cache that `npm run build` writes.
const loader = path.join(repo, 'bin', 'code-cache.cjs');
const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;

/** Loads `file` as bin/accord.cjs does, runs `--version`, and says whether the cache was used. */
function load(file: string): { usedCache: boolean; rejected: boolean; stdout: string } {
  const script = `
    const { compile, run } = require(${JSON.stringify(loader)});
    const file = ${JSON.stringify(file)};
    const compiled = compile(file);
    const out = [];
    const io = { stdout: { write: (t, cb) => { out.push(t); cb(); } }, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: process.cwd() };
    run(compiled.script, file).main(['--version'], io).then(() => {
      process.stdout.write(JSON.stringify({ usedCache: compiled.usedCache, rejected: compiled.script.cachedDataRejected === true, stdout: out.join('') }));
    });
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { usedCache: boolean; rejected: boolean; stdout: string };
}

let tmp: TempDir;
beforeAll(async () => {
  tmp = await makeTempDir('accord-code-cache-');
});
afterAll(() => tmp.cleanup());

describe('the CLI code cache', () => {
  it('is used, and V8 accepts it, for the built CLI', () => {
    expect(load(path.join(repo, 'dist', 'cli.cjs'))).toEqual({ usedCache: true, rejected: false, stdout: `${version}\n` });
  });

  it('is ignored when the bundle changed since the cache was made, even at the same length (V8 only compares lengths)', () => {
    const dist = tmp.path('dist');
    mkdirSync(dist);
    const source = readFileSync(path.join(repo, 'dist', 'cli.cjs'), 'utf8');
    const edited = source.replace(`version:"${version}"`, `version:"${'9'.repeat(version.length)}"`);
    expect(edited).not.toBe(source);
    expect(edited.length).toBe(source.length);
    writeFileSync(path.join(dist, 'cli.cjs'), edited);
    copyFileSync(path.join(repo, 'dist', 'cli.cjs.cache'), path.join(dist, 'cli.cjs.cache'));
    expect(load(path.join(dist, 'cli.cjs'))).toEqual({ usedCache: false, rejected: false, stdout: `${'9'.repeat(version.length)}\n` });
  });

  it('is not needed: without it the CLI runs the same', () => {
    const dist = tmp.path('no-cache');
    mkdirSync(dist);
    copyFileSync(path.join(repo, 'dist', 'cli.cjs'), path.join(dist, 'cli.cjs'));
    expect(load(path.join(dist, 'cli.cjs'))).toEqual({ usedCache: false, rejected: false, stdout: `${version}\n` });
  });
});
