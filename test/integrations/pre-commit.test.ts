// The real pre-commit framework (Debian's `pre-commit`, 3.0.x) installs the hooks of
// .pre-commit-hooks.yaml from this checkout, as a user's .pre-commit-config.yaml would, and guards
// `git commit` in a throwaway repository. pre-commit reads the repository at a commit, so the hooks
// run from HEAD of this checkout: uncommitted changes are not seen.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest, manifestYaml } from '../support/manifests.js';
import { missingTool } from '../support/outside-tools.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

const checkout = fileURLToPath(new URL('../../', import.meta.url));
const INSTALL_TIMEOUT = 300_000;

interface Run {
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = 60_000): Run {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function ok(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout?: number): string {
  const result = run(command, args, cwd, env, timeout);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.output}`);
  return result.output;
}

/**
 * The environment of a developer at a shell: nothing of the git or npm process that runs the tests
 * (GIT_DIR from an enclosing hook, npm_config_* from `npm test`) leaks into git, pre-commit or npm,
 * and pre-commit keeps its environments inside the temp folder.
 */
function isolatedEnv(tmp: TempDir): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(GIT_|PRE_COMMIT|npm_|NPM_CONFIG_)/i.test(key) || key === 'SKIP') continue;
    env[key] = value;
  }
  return { ...env, PRE_COMMIT_HOME: tmp.path('pre-commit-home'), GIT_CONFIG_GLOBAL: tmp.path('gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
}

describe.skipIf(missingTool('git') ?? missingTool('pre-commit'))('pre-commit hooks from .pre-commit-hooks.yaml (language: node)', () => {
  let tmp: TempDir;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  const git = (...args: string[]): string => ok('git', args, repo, env);
  const commit = (message: string): Run => run('git', ['commit', '-m', message], repo, env, INSTALL_TIMEOUT);
  const commitCount = (): number => {
    const result = run('git', ['rev-list', '--count', 'HEAD'], repo, env);
    return result.status === 0 ? Number(result.output.trim()) : 0;
  };
  /** Unstages and deletes what a blocked commit left behind. */
  const discard = (file: string): void => {
    git('rm', '-q', '--cached', '--', file);
    rmSync(path.join(repo, file), { force: true });
  };

  beforeAll(async () => {
    tmp = await makeTempDir('accord-pre-commit-');
    env = isolatedEnv(tmp);
    await writeFile(tmp.path('gitconfig'), '');
    const rev = ok('git', ['rev-parse', 'HEAD'], checkout, env).trim();
    const hooks = run('git', ['cat-file', '-e', `${rev}:.pre-commit-hooks.yaml`], checkout, env);
    if (hooks.status !== 0) throw new Error(`.pre-commit-hooks.yaml is not committed at HEAD (${rev}) of ${checkout}: commit it first`);

    repo = tmp.path('repo');
    ok('git', ['init', '-q', repo], tmp.dir, env);
    git('config', 'user.name', 'accord test');
    git('config', 'user.email', 'test@accord.invalid');
    git('config', 'commit.gpgsign', 'false');
    await tmp.write(
      'repo/.pre-commit-config.yaml',
      ['repos:', `  - repo: ${checkout}`, `    rev: ${rev}`, '    hooks:', '      - id: accord-check', '      - id: accord-test', ''].join('\n'),
    );
    // One install for every test: both hooks share the node environment built from the checkout.
    ok('pre-commit', ['install', '--install-hooks'], repo, env, INSTALL_TIMEOUT);
  }, INSTALL_TIMEOUT);

  afterAll(async () => {
    await tmp?.cleanup();
  });

  it('accord-check blocks a commit of a violating manifest and lets a compliant one through', async () => {
    await tmp.write('repo/deployments/api.yaml', manifestYaml({ name: 'api-on-oracle', provider: 'oracle' }));
    git('add', '.');
    const blocked = commit('add a violating deployment');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('api-exclusive-to-azure');
    expect(blocked.output).toMatch(/deployments\/api\.yaml:\d+:\d+/);
    expect(commitCount()).toBe(0);

    await tmp.write('repo/deployments/api.yaml', manifestYaml({ name: 'api-on-azure', provider: 'azure' }));
    git('add', '.');
    const passed = commit('add a compliant deployment');
    expect(passed.output).toMatch(/accord check\.+Passed/);
    expect(passed.status).toBe(0);
    expect(commitCount()).toBe(1);
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n')).toContain('deployments/api.yaml');
  }, INSTALL_TIMEOUT);

  it('accord-check is given every staged JSON/YAML file and decides by content: package.json and a workflow pass, a manifest in infra/deploy/ is checked', async () => {
    const before = commitCount();
    await tmp.write('repo/package.json', `${JSON.stringify({ name: 'app', version: '1.0.0' }, null, 2)}\n`);
    await tmp.write('repo/.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
    await tmp.write('repo/k8s/web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    git('add', '.');
    const passed = commit('other tools\' files are not accord manifests');
    expect(passed.output).toMatch(/accord check\.+Passed/);
    expect(passed.status).toBe(0);
    expect(commitCount()).toBe(before + 1);

    // Wherever it lives, in any manifest format.
    await tmp.write('repo/infra/deploy/api.yaml', manifestYaml({ name: 'api-on-oracle', provider: 'oracle' }));
    await tmp.write('repo/services/billing/api.jsonl', `${JSON.stringify(manifest({ name: 'billing-api', provider: 'gcp' }))}\n`);
    git('add', '.');
    const blocked = commit('manifests outside deployments/ are checked');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/infra\/deploy\/api\.yaml:\d+:\d+/);
    expect(blocked.output).toContain('services/billing/api.jsonl:1:');
    expect(blocked.output).toContain('api-exclusive-to-azure');
    expect(blocked.output).not.toMatch(/package\.json\S*\s+problem/);
    expect(commitCount()).toBe(before + 1);
    discard('infra/deploy/api.yaml');
    discard('services/billing/api.jsonl');

    // A near miss is never taken for another tool's file.
    await tmp.write('repo/infra/deploy/typo.yaml', manifestYaml({ name: 'api-typo' }).replace('apiVersion: accord/v1', 'apiVersion: acord/v1'));
    git('add', '.');
    const typo = commit('a mistyped apiVersion');
    expect(typo.status).not.toBe(0);
    expect(typo.output).toMatch(/infra\/deploy\/typo\.yaml:1:1\s+problem\s+SCHEMA_ERROR\s+apiVersion: "acord\/v1" .*did you mean "accord\/v1"\?/);
    expect(commitCount()).toBe(before + 1);
    discard('infra/deploy/typo.yaml');
  }, INSTALL_TIMEOUT);

  it('accord-test runs the rule fixtures when fixtures change and blocks a broken one', async () => {
    await cp(`${checkout}/fixtures/rules`, tmp.path('repo/fixtures/rules'), { recursive: true });
    git('add', 'fixtures');
    const passed = commit('add the rule fixtures');
    expect(passed.output).toMatch(/accord test\.+Passed/);
    expect(passed.status).toBe(0);

    // A fail fixture that no longer violates its rule.
    const fixture = 'fixtures/rules/api-exclusive-to-azure/fail/api-on-oracle.yaml';
    const text = await readFile(tmp.path('repo', fixture), 'utf8');
    await writeFile(tmp.path('repo', fixture), text.replace('provider: oracle', 'provider: azure'));
    git('add', fixture);
    const before = commitCount();
    const blocked = commit('break a fixture');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/accord test\.+Failed/);
    expect(blocked.output).toContain('api-exclusive-to-azure');
    expect(commitCount()).toBe(before);
  }, INSTALL_TIMEOUT);
});
