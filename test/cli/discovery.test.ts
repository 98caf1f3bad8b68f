// Discovery by content: `accord check .` at a repository root checks the accord manifests and skips
// every other JSON/YAML file, counted in a NOT_A_MANIFEST notice; a file named on the command line
// must still be a manifest, and a near miss of accord's apiVersion or kind is never skipped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';
import { runCli } from './run-cli.js';

const RULE = 'api-exclusive-to-azure';
const violating = manifestYaml({ name: 'api-on-oracle', provider: 'oracle' });

/** What a repository root holds besides its manifests. */
const foreignFiles: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'vitest' } }, null, 2)}\n`,
  'package-lock.json': `${JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: {} }, null, 2)}\n`,
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
  '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
  'k8s/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
  'argo/app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\n',
  'config/list.json': '["a", "b"]\n',
  'config/empty.yaml': '',
};

function report(run: { stdout: string; stderr: string }): Report {
  try {
    return JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`not a JSON report:\n${run.stdout}\n${run.stderr}`);
  }
}

const notice = (r: Report) => r.notices.find((n) => n.code === 'NOT_A_MANIFEST');

describe('accord check at a repository root: discovery by content', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir('accord-discovery-');
    for (const [name, text] of Object.entries(foreignFiles)) await tmp.write(name, text);
  });
  afterEach(async () => {
    await tmp.cleanup();
  });

  it('`check .` with package.json, package-lock.json, a workflow, docker-compose.yml and a violating manifest in infra/deploy/ exits 1 naming the rule', async () => {
    await tmp.write('infra/deploy/api.yaml', violating);
    const text = runCli(['check', '.'], { cwd: tmp.dir });
    expect(text.status, text.stdout + text.stderr).toBe(1);
    expect(text.stdout).toContain(RULE);
    expect(text.stdout).toMatch(/infra\/deploy\/api\.yaml:\d+:\d+/);
    expect(text.stdout).toMatch(/notice\s+\d+ documents in \d+ files are not accord manifests/);

    const run = runCli(['check', '.', '--format', 'json'], { cwd: tmp.dir });
    expect(run.status).toBe(1);
    const r = report(run);
    expect(r.problems).toEqual([]);
    expect(r.findings.map((f) => [f.file, f.rule, f.deployment])).toEqual([['infra/deploy/api.yaml', RULE, 'api-on-oracle']]);
    // Every foreign document below the root (the walk skips hidden folders such as .github/):
    // package.json, package-lock.json, tsconfig.json, docker-compose.yml, k8s/web.yaml, argo/app.yaml,
    // the two strings of config/list.json and the empty config/empty.yaml.
    expect(notice(r)?.message).toMatch(/^9 documents in 8 files are not accord manifests \(no apiVersion: accord\/v1\), skipped: argo\/app\.yaml, config\/empty\.yaml, config\/list\.json, docker-compose\.yml, k8s\/web\.yaml and 3 more$/);
  });

  it('a multi-document YAML mixing a manifest and another tool\'s document: the foreign one is skipped, the manifest checked', async () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n${violating}---\napiVersion: apps/v1\nkind: Deployment\n`;
    await tmp.write('infra/all.yaml', text);
    const r = report(runCli(['check', 'infra', '--format', 'json'], { cwd: tmp.dir }));
    expect(r.problems).toEqual([]);
    expect(r.findings.map((f) => [f.file, f.line, f.rule])).toEqual([['infra/all.yaml', positionOf(text, 'provider: oracle').line, RULE]]);
    expect(notice(r)?.message).toBe('2 documents in 1 file are not accord manifests (no apiVersion: accord/v1), skipped: infra/all.yaml');
  });

  it('a glob expansion skips foreign files too, and a compliant repository exits 0', async () => {
    await tmp.write('infra/deploy/api.json', JSON.stringify(manifest({ name: 'api-on-azure' })));
    const run = runCli(['check', '**/*.json', '--format', 'json'], { cwd: tmp.dir });
    expect(run.status, run.stdout).toBe(0);
    const r = report(run);
    expect(r.summary.deployments).toBe(1);
    expect(notice(r)?.message).toMatch(/^5 documents in 4 files are not accord manifests/);
  });

  it('a file named on the command line must still be a manifest (exit 2)', async () => {
    const run = runCli(['check', 'package.json', '--format', 'json'], { cwd: tmp.dir });
    expect(run.status).toBe(2);
    const r = report(run);
    expect(r.problems.some((p) => p.file === 'package.json' && p.code === 'SCHEMA_ERROR' && /apiVersion/.test(p.message))).toBe(true);
    expect(notice(r)).toBeUndefined();
  });

  it('--discover (the pre-commit hook) treats named files as found: package.json and a workflow are skipped, a violating manifest is caught', async () => {
    await tmp.write('infra/deploy/api.yaml', violating);
    const clean = runCli(['check', '--discover', 'package.json', '.github/workflows/ci.yml', 'docker-compose.yml', '--format', 'json'], { cwd: tmp.dir });
    expect(clean.status, clean.stdout).toBe(0);
    expect(notice(report(clean))?.message).toBe('3 documents in 3 files are not accord manifests (no apiVersion: accord/v1), skipped: .github/workflows/ci.yml, docker-compose.yml, package.json');

    const caught = runCli(['check', '--discover', 'package.json', 'infra/deploy/api.yaml'], { cwd: tmp.dir });
    expect(caught.status).toBe(1);
    expect(caught.stdout).toContain(RULE);
  });

  it('a folder named on the command line that holds only other tools\' documents is a problem (exit 2)', async () => {
    const run = runCli(['check', 'k8s', '--format', 'json'], { cwd: tmp.dir });
    expect(run.status).toBe(2);
    expect(report(run).problems).toEqual([
      { file: 'k8s', code: 'NO_MATCH', message: 'no accord manifest here: 1 document in 1 file is not an accord manifest (no apiVersion: accord/v1)' },
    ]);
    const glob = report(runCli(['check', 'config/*', '--format', 'json'], { cwd: tmp.dir }));
    expect(glob.problems.map((p) => [p.file, p.code])).toEqual([['config/*', 'NO_MATCH']]);
  });

  it('a JSONL inventory is deliberate: a record that is not a manifest is a problem, never skipped', async () => {
    await tmp.write('inventory/all.jsonl', `${JSON.stringify(manifest({ name: 'api-on-azure' }))}\n${JSON.stringify({ name: 'app', version: '1.0.0' })}\n`);
    const run = runCli(['check', '.', '--format', 'json'], { cwd: tmp.dir });
    expect(run.status).toBe(2);
    expect(report(run).problems.filter((p) => p.file === 'inventory/all.jsonl' && p.line === 2).length).toBeGreaterThan(0);
  });

  describe.each([
    ['apiVersion: acord/v1', /apiVersion: "acord\/v1" is not an apiVersion accord reads \(accord\/v1\); did you mean "accord\/v1"\?/],
    ['apiVersion: accord/v2', /apiVersion: "accord\/v2" .*; did you mean "accord\/v1"\?/],
    ['apiVersion: Accord/v1', /apiVersion: "Accord\/v1" .*; did you mean "accord\/v1"\?/],
    ['kind: Deploymnet', /kind: "Deploymnet" is not a kind of accord\/v1 \(it reads Deployment\); did you mean "Deployment"\?/],
    ['kind: Approval', /kind: "Approval" is not a kind of accord\/v1 \(it reads Deployment\)/],
  ])('a near miss (%s) is a problem, never skipped', (line, message) => {
    const field = line.slice(0, line.indexOf(':'));
    const text = violating.replace(new RegExp(`^${field}: .*$`, 'm'), line);

    it.each([
      ['in a folder walk', ['.']],
      ['with --discover', ['--discover', 'infra/deploy/near.yaml']],
      ['named', ['infra/deploy/near.yaml']],
    ])('%s: exit 2, the field and what was meant', async (_, args) => {
      await tmp.write('infra/deploy/near.yaml', text);
      const run = runCli(['check', ...args, '--format', 'json'], { cwd: tmp.dir });
      expect(run.status, run.stdout).toBe(2);
      const problems = report(run).problems.filter((p) => p.file === 'infra/deploy/near.yaml');
      expect(problems[0]).toMatchObject({ code: 'SCHEMA_ERROR', path: field, line: field === 'kind' ? 2 : 1, message: expect.stringMatching(message) });
    });
  });
});
