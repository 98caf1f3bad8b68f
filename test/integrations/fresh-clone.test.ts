// A user's clone holds only what the repository tracks: there is no ../shared beside it, and it may
// sit in a folder only its owner can enter (a root user's home, `mktemp -d`). This clones HEAD of
// this checkout into such a folder (uncommitted changes are not in the clone), builds it there, and
// runs there the tests that read vendored files or the terms or run accord as another user, and
// `accord test`. node_modules is linked from this checkout, as `npm install` would have filled it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTool } from '../support/outside-tools.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

const checkout = path.resolve(import.meta.dirname, '../..');
const SETUP_TIMEOUT = 300_000;

/** The test files that depend on what a clone must hold by itself. */
const SELF_CONTAINED = [
  'test/report/sarif.test.ts', // test/vendor/sarif-schema-2.1.0.json
  'test/report/junit.test.ts', // test/vendor/jenkins-xunit-junit-10.xsd
  'test/input/load-text-file.test.ts', // test/vendor/checkov__aws_s3__UTF16LE_BOM.json
  'test/policy/rule-sources.test.ts', // terms/partnership-announcement.txt
  'test/security/file-system.test.ts', // the permission cases, from inside a 0700 folder
];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: SETUP_TIMEOUT });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status} (${result.error?.message ?? ''}):\n${output}`);
  return output;
}

/** This environment without what the running vitest set, so the vitest started in the clone is a fresh one. */
function freshEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [key, value] of Object.entries(process.env)) if (!/^(VITEST|VITE_|TEST$|NODE_ENV$|FORCE_COLOR$)/.test(key)) env[key] ??= value;
  return env;
}

describe.skipIf(missingTool('git'))('a fresh clone, in a folder only its owner can enter, with no ../shared beside it', () => {
  let outer: TempDir;
  let clone: string;

  beforeAll(async () => {
    outer = await makeTempDir('accord-clone-');
    clone = outer.path('accord');
    run('git', ['clone', '--quiet', '--no-checkout', checkout, clone], outer.dir);
    run('git', ['fetch', '--quiet', checkout, 'HEAD'], clone);
    run('git', ['checkout', '--quiet', '--detach', 'FETCH_HEAD'], clone);
    await symlink(path.join(checkout, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    run('npm', ['run', 'build'], clone);
  }, SETUP_TIMEOUT);
  afterAll(() => outer?.cleanup());

  it('is HEAD of this checkout, alone in a folder of mode 0700', () => {
    expect(statSync(outer.dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(outer.dir)).toEqual(['accord']);
    expect(run('git', ['rev-parse', 'HEAD'], clone)).toBe(run('git', ['rev-parse', 'HEAD'], checkout));
  });

  it('passes the tests that depend on vendored files, the terms and file permissions', () => {
    const vitest = path.join(clone, 'node_modules', 'vitest', 'vitest.mjs');
    const output = run(process.execPath, [vitest, 'run', ...SELF_CONTAINED], clone, freshEnv());
    // A test that cannot run here skips as it would outside the clone (and fails under ACCORD_REQUIRE_TOOLS=1).
    expect(output).toMatch(new RegExp(`Test Files +${SELF_CONTAINED.length} passed \\(${SELF_CONTAINED.length}\\)`));
  }, SETUP_TIMEOUT);

  it('passes `accord test` on its rule fixtures', () => {
    const output = run(process.execPath, ['bin/accord.cjs', 'test'], clone);
    expect(output).toMatch(/^\d+ passed, 0 failed$/m);
    expect(output).toMatch(/fixtures: 9 rules, /);
  });
});

describe.skipIf(missingTool('git'))('tracked files', () => {
  let others: { file: string; text: string }[];
  beforeAll(() => {
    const tracked = run('git', ['ls-files', '-z'], checkout)
      .split('\0')
      .filter((file) => file !== '' && file !== 'package-lock.json' && !file.startsWith('test/vendor/'));
    others = tracked.flatMap((file) => {
      // This file spells out the patterns it looks for.
      if (file === 'test/integrations/fresh-clone.test.ts') return [];
      const bytes = readFileSync(path.join(checkout, file));
      return bytes.includes(0) ? [] : [{ file, text: bytes.toString('utf8') }];
    });
  });

  it('do not name the shared folder beside the checkout', () => {
    const beside = path.join(path.dirname(checkout), 'shared');
    const naming = others.filter(({ text }) => /\.\.\/shared\b|\bshared\/(terms|validators|terraform-plans|terraform|hooks)\//.test(text) || text.includes(beside));
    expect(naming.map(({ file }) => file)).toEqual([]);
  });

  it('hold no relative path that climbs out of the repository', () => {
    const climbing = others.flatMap(({ file, text }) =>
      [...text.matchAll(/(?<=['"`(])((?:\.\.\/)+\.{0,2}[^'"`)\s]*)/g)]
        .map((match) => match[1] ?? '')
        .filter((relative) => path.relative(checkout, path.resolve(checkout, path.dirname(file), relative)).startsWith('..'))
        .map((relative) => `${file}: ${relative}`),
    );
    expect(climbing).toEqual([]);
  });
});
