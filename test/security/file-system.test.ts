// Hostile-input matrix (issue 5), the file system: paths that do not lead to a readable manifest.
// Same contract as the other matrix files (harness.ts). The permission cases run accord as a user
// whom file modes hold: the user running the tests, or nobody when that is root (test-user.ts).

import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, symlink } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/index.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { cannotRun, missingTool } from '../support/outside-tools.js';
import { makeTempDir } from '../support/tmp-dir.js';
import { cliReport, expectCleanExit, expectHostile, GOOD_FILE, GOOD_NAME, GOOD_RULE, goodViolating, repoRoot, runCli, runLibrary } from './harness.js';
import { findTestUser, type TestUser, type TestUserOrReason } from './test-user.js';

/**
 * In-process stand-in for the CLI's delete-on-open preload: the library reads whole files ahead in
 * groups, so a file is deleted as it is opened, not from a callback between files.
 */
const doomed = vi.hoisted(() => ({ name: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = (file: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
    if (doomed.name !== undefined && String(file).endsWith(doomed.name)) fs.rmSync(file, { force: true });
    return (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
  };
  return { ...fs, openSync, default: { ...fs, openSync } };
});
afterEach(() => {
  doomed.name = undefined;
});

/** A second good file, named to be read after good.yaml. */
const later = (name: string): string => manifestYaml({ name, provider: 'oracle' });

describe('hostile file system: paths', () => {
  it('a path that does not exist: a problem naming it; the other path still checked', async () => {
    await expectHostile({
      patterns: ['deployments/missing.yaml', GOOD_FILE],
      expected: () => [{ file: 'deployments/missing.yaml', code: 'READ_ERROR', words: [/no such file or directory/] }],
    });
  });

  it('a glob that matches nothing: a problem naming the glob', async () => {
    await expectHostile({
      files: { 'notes.txt': 'not a manifest' },
      patterns: ['deployments/**/*.yaml', GOOD_FILE],
      expected: () => [{ file: 'deployments/**/*.yaml', code: 'NO_MATCH', words: [/glob matches no manifest file/] }],
    });
  });

  it('a folder with no manifest in it: a problem naming the folder', async () => {
    await expectHostile({
      files: { 'empty/readme.md': '# nothing' },
      patterns: ['empty', GOOD_FILE],
      expected: () => [{ file: 'empty', code: 'NO_MATCH', words: [/no manifest files/, /in this directory/] }],
    });
  });

  it('a file that is not a manifest, given by name: refused, not ignored', async () => {
    await expectHostile({
      files: { 'deploy.txt': goodViolating },
      patterns: ['deploy.txt', GOOD_FILE],
      expected: () => [{ file: 'deploy.txt', code: 'READ_ERROR', words: [/not a manifest file/, /\.yaml/] }],
    });
  });
});

describe('hostile file system: symbolic links', () => {
  // A folder reached again through a link is not walked again: every file is checked exactly
  // once; a link back to a folder that contains it is still a problem (exit 2), as for any hostile input.
  it('a directory symlink loop: the walk ends, every file checked exactly once, each looping link a problem', async () => {
    const dir = await makeTempDir('accord-hostile-');
    try {
      await dir.write(GOOD_FILE, goodViolating);
      await dir.write('sub/inner.yaml', later('inner'));
      await symlink(dir.dir, dir.path('sub', 'up'));
      await symlink(dir.path('sub'), dir.path('sub', 'self'));
      const check = (report: Report, links = true): void => {
        const loops = links ? [['sub/self', 'READ_ERROR'], ['sub/up', 'READ_ERROR']] : [];
        expect(report.problems.map((p) => [p.file, p.code])).toEqual(loops);
        for (const p of report.problems) expect(p.message).toMatch(/symbolic link loop: it points back to/);
        expect(report.summary).toMatchObject({ files: 2, deployments: 2 });
        expect(report.findings.map((f) => [f.file, f.deployment]).sort()).toEqual([[GOOD_FILE, GOOD_NAME], ['sub/inner.yaml', 'inner']]);
      };
      const run = runCli(['.', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(run, 2);
      check(cliReport(run));
      check((await runLibrary(dir.dir, ['.'])).report);
      // A glob never descends through a link to a folder, so it meets no loop.
      check((await runLibrary(dir.dir, ['**/*.yaml'])).report, false);
    } finally {
      await dir.cleanup();
    }
  });

  it('a file symlink loop (a.yaml → b.yaml → a.yaml): a problem naming the link', async () => {
    await expectHostile({
      setup: async (dir) => {
        await symlink(dir.path('b.yaml'), dir.path('a.yaml'));
        await symlink(dir.path('a.yaml'), dir.path('b.yaml'));
      },
      expected: () => [
        { file: 'a.yaml', code: 'READ_ERROR', words: [/symbolic link cannot be followed/, /symlink loop/] },
        { file: 'b.yaml', code: 'READ_ERROR', words: [/symbolic link cannot be followed/, /symlink loop/] },
      ],
    });
  });

  it('a dangling symlink found in a folder: a problem naming the link', async () => {
    await expectHostile({
      setup: (dir) => symlink(dir.path('gone.yaml'), dir.path('dangling.yaml')),
      expected: () => [{ file: 'dangling.yaml', code: 'READ_ERROR', words: [/symbolic link cannot be followed/, /no such file/] }],
    });
  });

  it('a dangling symlink given by name: a problem naming the link', async () => {
    await expectHostile({
      setup: (dir) => symlink(dir.path('gone.yaml'), dir.path('dangling.yaml')),
      patterns: ['dangling.yaml', GOOD_FILE],
      expected: () => [{ file: 'dangling.yaml', code: 'READ_ERROR', words: [/symbolic link cannot be followed/, /no such file/] }],
    });
  });

  it('a symlink named like a manifest that points to a device (/dev/zero): a problem, never read', async () => {
    await expectHostile({
      setup: (dir) => symlink('/dev/zero', dir.path('zero.yaml')),
      patterns: ['zero.yaml', GOOD_FILE],
      expected: () => [{ file: 'zero.yaml', code: 'NO_MATCH', words: [/symbolic link/, /not a manifest file/] }],
    });
  });

  it('a symlink named like a manifest that points to an empty folder: a problem', async () => {
    await expectHostile({
      setup: async (dir) => {
        await mkdir(dir.path('empty'));
        await symlink(dir.path('empty'), dir.path('linked.yaml'));
      },
      patterns: ['linked.yaml', GOOD_FILE],
      expected: () => [{ file: 'linked.yaml', code: 'NO_MATCH', words: [/no manifest files/] }],
    });
  });
});

describe('hostile file system: permissions (run as a user whom file modes hold)', () => {
  let found: TestUserOrReason;
  beforeAll(() => {
    found = findTestUser(repoRoot);
  });
  afterAll(() => {
    if (found && 'user' in found) found.user.cleanup();
  });
  /** The user to run as, or a skip that says why there is none here (a failure under ACCORD_REQUIRE_TOOLS=1). */
  const testUser = (skip: (note: string) => never): TestUser => ('user' in found ? found.user : skip(cannotRun(found.reason)));

  it.for(['secret.yaml', 'secret.jsonl'])('a file without read permission (%s): a problem naming it, the others checked', async (name, { skip }) => {
    await expectHostile({
      as: testUser(skip),
      files: { [name]: name.endsWith('jsonl') ? `${JSON.stringify(manifest({ name: 'secret' }))}\n` : later('secret') },
      setup: (dir) => chmod(dir.path(name), 0o000),
      expected: () => [{ file: name, code: 'READ_ERROR', words: [/permission denied/, /cannot read/] }],
    });
  });

  it('a folder without read permission, found in a walk: a problem naming it, the others checked', async ({ skip }) => {
    await expectHostile({
      as: testUser(skip),
      files: { 'locked/inner.yaml': later('locked-inner') },
      setup: (dir) => chmod(dir.path('locked'), 0o000),
      expected: () => [{ file: 'locked', code: 'READ_ERROR', words: [/permission denied/, /cannot list this folder/] }],
    });
  });

  it('a folder without read permission, given by name or crossed by a glob: a problem, the other paths checked', async ({ skip }) => {
    await expectHostile({
      as: testUser(skip),
      files: { 'locked/inner.yaml': later('locked-inner') },
      setup: (dir) => chmod(dir.path('locked'), 0o000),
      patterns: ['locked', 'locked/**/*.yaml', GOOD_FILE],
      expected: () => [
        { file: 'locked', code: 'READ_ERROR', words: [/permission denied/] },
        { file: 'locked/**/*.yaml', code: 'READ_ERROR', words: [/cannot expand this glob/, /permission denied/] },
      ],
    });
  });
});

describe('hostile file system: files that change or are not files', () => {
  it('a file deleted between listing and reading (library: YAML deleted as it is opened, JSONL by onProgress after good.yaml)', async () => {
    for (const name of ['zz-deleted.yaml', 'zz-deleted.jsonl']) {
      const dir = await makeTempDir('accord-hostile-');
      try {
        await dir.write(GOOD_FILE, goodViolating);
        await dir.write(name, name.endsWith('jsonl') ? `${JSON.stringify(manifest({ name: 'deleted' }))}\n` : later('deleted'));
        let deleted = false;
        if (name.endsWith('.yaml')) doomed.name = name;
        const { report } = await runLibrary(dir.dir, ['.'], {}, {
          onProgress: () => {
            if (deleted || name.endsWith('.yaml')) return;
            deleted = true;
            rmSync(dir.path(name));
          },
        });
        expect(deleted || !existsSync(dir.path(name))).toBe(true);
        expect(report.problems).toEqual([expect.objectContaining({ file: name, code: 'READ_ERROR', message: expect.stringMatching(/no such file.*deleted while accord ran/) })]);
        expect(report.findings.map((f) => [f.file, f.rule])).toEqual([[GOOD_FILE, GOOD_RULE]]);
        expect(report.summary).toMatchObject({ files: 2, deployments: 1, problems: 1 });
      } finally {
        await dir.cleanup();
      }
    }
  });

  it('a file deleted between listing and reading (CLI and library: deleted as it is opened)', async () => {
    const target = 'zz-deleted.yaml';
    await expectHostile({
      files: { [target]: later('deleted') },
      // The CLI gets a preload that deletes the file just before accord opens it.
      setup: (dir) =>
        dir
          .write(
            'preload/delete-on-open.mjs',
            [
              "import fs from 'node:fs';",
              "import { syncBuiltinESMExports } from 'node:module';",
              `const doomed = (file) => { if (String(file).endsWith(${JSON.stringify(target)})) fs.rmSync(file, { force: true }); };`,
              '// Every way accord may open a file: promises, callbacks (streams) and sync.',
              'for (const [owner, name] of [[fs.promises, "open"], [fs.promises, "readFile"], [fs, "open"], [fs, "openSync"], [fs, "readFileSync"]]) {',
              '  const original = owner[name];',
              '  owner[name] = function (file, ...rest) { doomed(file); return original.call(this, file, ...rest); };',
              '}',
              'syncBuiltinESMExports();',
              '',
            ].join('\n'),
          )
          .then(() => undefined),
      patterns: [GOOD_FILE, target],
      nodeArgs: (dir) => ['--import', dir.path('preload', 'delete-on-open.mjs')],
      checkOptions: () => {
        doomed.name = target;
        return {};
      },
      expected: () => [{ file: target, code: 'READ_ERROR', words: [/no such file/, /deleted while accord ran/] }],
    });
  });

  it('a directory named like a file (x.yaml/), given by name and empty: a problem, not a silent pass', async () => {
    await expectHostile({
      setup: (dir) => mkdir(dir.path('x.yaml')),
      patterns: ['x.yaml', GOOD_FILE],
      expected: () => [{ file: 'x.yaml', code: 'NO_MATCH', words: [/no manifest files/, /in this directory/] }],
    });
  });

  it('a directory named like a file (x.yaml/) holding manifests: searched as a folder, never read as a file', async () => {
    const dir = await makeTempDir('accord-hostile-');
    try {
      await dir.write(GOOD_FILE, goodViolating);
      await dir.write('x.yaml/inner.yaml', later('inside-x'));
      for (const patterns of [['.'], ['x.yaml', GOOD_FILE], ['*.yaml']]) {
        const check = (report: Report): void => {
          expect(report.problems).toEqual([]);
          const names = report.findings.map((f) => f.deployment).sort();
          expect(names).toEqual(patterns[0] === '*.yaml' ? [GOOD_NAME] : [GOOD_NAME, 'inside-x']);
        };
        const run = runCli([...patterns, '--format', 'json'], { cwd: dir.dir });
        expectCleanExit(run, 1);
        check(cliReport(run));
        check((await runLibrary(dir.dir, patterns)).report);
      }
    } finally {
      await dir.cleanup();
    }
  });

  it.skipIf(missingTool('mkfifo'))('a FIFO named like a manifest, given by name: refused at once, never opened (opening would wait forever)', async () => {
    await expectHostile({
      setup: async (dir) => {
        execFileSync('mkfifo', [dir.path('pipe.yaml')]);
      },
      patterns: ['pipe.yaml', GOOD_FILE],
      expected: () => [{ file: 'pipe.yaml', code: 'READ_ERROR', words: [/not a regular file/, /FIFO/] }],
    });
  });
});
