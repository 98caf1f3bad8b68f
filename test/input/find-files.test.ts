import { mkdir, symlink } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { findFiles } from '../../src/input/find-files.js';
import { displayPath } from '../../src/path.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

describe('findFiles', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());
  const find = (...patterns: string[]) => findFiles(patterns, { cwd: tmp.dir });
  const names = (result: Awaited<ReturnType<typeof findFiles>>) => result.files.map((f) => f.file);

  it('walks a directory for every manifest extension, sorted, with cwd-relative display paths', async () => {
    for (const name of ['d/b.yaml', 'd/a.json', 'd/sub/c.yml', 'd/sub/e.jsonl', 'd/f.ndjson', 'd/readme.md', 'd/g.YAML']) await tmp.write(name, '{}');
    const result = await find('d');
    expect(names(result)).toEqual(['d/a.json', 'd/b.yaml', 'd/f.ndjson', 'd/g.YAML', 'd/sub/c.yml', 'd/sub/e.jsonl']);
    expect(result.problems).toEqual([]);
    expect(result.files[0]?.path).toBe(tmp.path('d', 'a.json'));
  });

  it('names every walked file as displayPath does, from any cwd (the walk works display paths out per folder)', async () => {
    for (const name of ['d/a.json', 'd/sub/b.yaml', 'd/sub/deeper/c.json', 'top.json']) await tmp.write(name, '{}');
    const cwds = [tmp.dir, tmp.path('d'), tmp.path('d', 'sub'), path.dirname(tmp.dir), '/', tmp.path('elsewhere')];
    for (const cwd of cwds) {
      const result = await findFiles([tmp.dir], { cwd });
      expect(result.files.length, cwd).toBe(4);
      for (const found of result.files) expect(found.file, `cwd ${cwd}`).toBe(displayPath(cwd, found.path));
    }
    expect(names(await find('.'))).toEqual(['d/a.json', 'd/sub/b.yaml', 'd/sub/deeper/c.json', 'top.json']);
  });

  it('expands a glob', async () => {
    for (const name of ['deploy/a.yaml', 'deploy/x/b.yaml', 'deploy/c.json']) await tmp.write(name, '{}');
    expect(names(await find('deploy/**/*.yaml'))).toEqual(['deploy/a.yaml', 'deploy/x/b.yaml']);
  });

  it('takes a literal path as is even when it holds glob characters', async () => {
    await tmp.write('deploy[1].yaml', 'a: 1\n');
    await tmp.write('deploy1.yaml', 'a: 1\n');
    const result = await find('deploy[1].yaml');
    expect(names(result)).toEqual(['deploy[1].yaml']);
    expect(result.problems).toEqual([]);
  });

  it('reports a glob that matches nothing as NO_MATCH', async () => {
    await tmp.write('a.txt', '');
    const result = await find('**/*.yaml');
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'NO_MATCH', file: '**/*.yaml' })]);
  });

  it('reports a directory without manifests as NO_MATCH', async () => {
    await tmp.write('empty/readme.md', '');
    expect((await find('empty')).problems).toEqual([expect.objectContaining({ code: 'NO_MATCH', file: 'empty' })]);
  });

  it('never searches node_modules or .git, by directory or by glob', async () => {
    for (const name of ['src/a.yaml', 'src/node_modules/pkg/b.yaml', 'node_modules/c.yaml', '.git/d.yaml', 'src/.git/e.json']) await tmp.write(name, '{}');
    expect(names(await find('.'))).toEqual(['src/a.yaml']);
    expect(names(await find('**/*.yaml'))).toEqual(['src/a.yaml']);
  });

  it('applies exclude globs', async () => {
    for (const name of ['d/a.yaml', 'd/skip/b.yaml']) await tmp.write(name, '{}');
    expect((await findFiles(['d'], { cwd: tmp.dir, exclude: ['**/skip/**'] })).files.map((f) => f.file)).toEqual(['d/a.yaml']);
  });

  it('reports a missing path', async () => {
    const result = await find('nowhere.yaml');
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'READ_ERROR', file: 'nowhere.yaml', message: 'no such file or directory' })]);
  });

  it('reports a literal non-manifest file', async () => {
    await tmp.write('notes.txt', 'hi');
    expect((await find('notes.txt')).problems).toEqual([expect.objectContaining({ code: 'READ_ERROR', file: 'notes.txt' })]);
  });

  it('walks a directory named x.yaml/ instead of reading it as a file', async () => {
    await tmp.write('x.yaml/inner.json', '{}');
    expect(names(await find('x.yaml'))).toEqual(['x.yaml/inner.json']);
    await mkdir(tmp.path('y.yaml'));
    const empty = await find('y.yaml');
    expect(empty.files).toEqual([]);
    expect(empty.problems).toEqual([expect.objectContaining({ code: 'NO_MATCH', file: 'y.yaml' })]);
  });

  it('does not take a directory named *.yaml for a file when a glob matches it', async () => {
    await mkdir(tmp.path('g', 'dir.yaml'), { recursive: true });
    await tmp.write('g/real.yaml', 'a: 1\n');
    expect(names(await find('g/*.yaml'))).toEqual(['g/real.yaml']);
  });

  it('follows a symbolic link to a file, given literally or found in a directory', async () => {
    await tmp.write('target/real.yaml', 'a: 1\n');
    await mkdir(tmp.path('links'));
    await symlink(tmp.path('target', 'real.yaml'), tmp.path('links', 'alias.yaml'));
    expect(names(await find('links/alias.yaml'))).toEqual(['links/alias.yaml']);
    expect(names(await find('links'))).toEqual(['links/alias.yaml']);
  });

  it('reports a dangling symbolic link as a problem', async () => {
    await mkdir(tmp.path('links'));
    await symlink(tmp.path('gone.yaml'), tmp.path('links', 'dangling.yaml'));
    await tmp.write('links/ok.yaml', 'a: 1\n');
    const result = await find('links');
    expect(names(result)).toEqual(['links/ok.yaml']);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'READ_ERROR', file: 'links/dangling.yaml', message: expect.stringContaining('symbolic link') })]);
    expect((await find('links/dangling.yaml')).problems).toEqual([expect.objectContaining({ code: 'READ_ERROR', file: 'links/dangling.yaml' })]);
  });

  it('finishes on a directory symlink loop, listing each file once and reporting each looping link', async () => {
    await tmp.write('loop/a.yaml', 'a: 1\n');
    await symlink(tmp.path('loop'), tmp.path('loop', 'again'));
    await symlink(tmp.path('loop'), tmp.path('loop', 'more'));
    const result = await find('loop');
    expect(names(result)).toEqual(['loop/a.yaml']);
    expect(result.problems.map((p) => [p.file, p.code])).toEqual([
      ['loop/again', 'READ_ERROR'],
      ['loop/more', 'READ_ERROR'],
    ]);
    expect(result.problems[0]?.message).toMatch(/symbolic link loop/);
  });

  it('a second link to a folder that is not its ancestor is no loop: the folder is walked once, no problem', async () => {
    await tmp.write('real/a.yaml', 'a: 1\n');
    await symlink(tmp.path('real'), tmp.path('alias'));
    const result = await find('.');
    expect(result.files).toHaveLength(1);
    expect(result.problems).toEqual([]);
  });

  it('walks a link to a hidden or excluded folder inside the tree (the walk skipped it, so it was not searched)', async () => {
    await tmp.write('d/.private/x.yaml', 'a: 1\n');
    await tmp.write('d/node_modules/pkg/m.yaml', 'a: 1\n');
    await tmp.write('d/y.yaml', 'a: 1\n');
    await symlink(tmp.path('d', '.private'), tmp.path('d', 'private'));
    await symlink(tmp.path('d', 'node_modules', 'pkg'), tmp.path('d', 'pkg'));
    const result = await find('d');
    expect(names(result)).toEqual(['d/pkg/m.yaml', 'd/private/x.yaml', 'd/y.yaml']);
    expect(result.problems).toEqual([]);
  });

  it('finishes on a loop reached through a glob', async () => {
    await tmp.write('loop/a.yaml', 'a: 1\n');
    await symlink(tmp.path('loop'), tmp.path('loop', 'again'));
    expect(names(await find('loop/**/*.yaml'))).toEqual(['loop/a.yaml']);
  });

  it('lists a file named twice (literally and by its directory) once', async () => {
    await tmp.write('d/a.yaml', 'a: 1\n');
    expect(names(await find('d', 'd/a.yaml', 'd/*.yaml'))).toEqual(['d/a.yaml']);
  });

  it('shows files outside cwd by absolute path', async () => {
    const other = await makeTempDir();
    try {
      const file = await other.write('a.yaml', 'a: 1\n');
      expect(names(await find(file))).toEqual([file]);
    } finally {
      await other.cleanup();
    }
  });
});
