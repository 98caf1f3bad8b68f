import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import type { Summary } from '../../src/types.js';
import { manifestYaml } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { repo } from '../cli/run-cli.js';
import { conditions, loadAction, runAction, type ActionRun } from './run-action.js';

const action = loadAction();
const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;

describe('action.yml: metadata', () => {
  it('follows the action metadata rules (test/action/action-metadata.schema.json)', () => {
    const schema = JSON.parse(readFileSync(new URL('./action-metadata.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
    expect(action.runs.using).toBe('composite');
  });

  it('the metadata schema refuses what GitHub refuses', () => {
    const schema = JSON.parse(readFileSync(new URL('./action-metadata.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
    const step = action.runs.steps[0]!;
    const { shell: _shell, ...withoutShell } = step;
    for (const broken of [
      { ...action, runs: { ...action.runs, steps: [withoutShell] } },
      { ...action, runs: { ...action.runs, using: 'node20' } },
      { ...action, description: undefined },
      { ...action, inputs: { ...action.inputs, paths: { default: '' } } },
      { ...action, outputs: { 'exit-code': { description: 'x' } } },
      { ...action, runs: { ...action.runs, steps: [{ ...step, uses: 'actions/checkout@v4' }] } },
    ]) {
      expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
    }
  });

  it('declares every input it uses, uses every input it declares, and has the inputs the issue asks for', () => {
    const text = readFileSync(path.join(repo, 'action.yml'), 'utf8');
    const used = new Set([...text.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'approvals', 'waivers', 'fail-on']));
  });

  it('refers only to steps declared before, and to outputs those steps write', () => {
    const text = readFileSync(path.join(repo, 'action.yml'), 'utf8');
    const ids = action.runs.steps.map((s) => s.id);
    for (const [, id, output] of text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const step = action.runs.steps.find((s) => s.id === id);
      expect(step, `steps.${id}`).toBeDefined();
      expect(step?.run ?? '', `steps.${id}.outputs.${output}`).toContain(`echo "${output}=`);
    }
    action.runs.steps.forEach((step, index) => {
      const mentioned = JSON.stringify({ ...step, run: undefined }).matchAll(/steps\.([\w-]+)\./g);
      for (const [, id] of mentioned) expect(ids.indexOf(id), `step ${index} uses steps.${id}`).toBeLessThan(index);
    });
  });

  it('is documented: docs/github-action.md lists exactly its inputs and outputs', () => {
    const doc = readFileSync(path.join(repo, 'docs/github-action.md'), 'utf8');
    const rows = (header: string) => {
      const table = doc.slice(doc.indexOf(header));
      return [...table.slice(0, table.indexOf('\n\n', header.length + 2)).matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
    };
    expect(rows('## Inputs')).toEqual(Object.keys(action.inputs));
    expect(rows('## Outputs')).toEqual(Object.keys(action.outputs));
  });

  it('sets shell: bash on every script, and splices no expression into a script', () => {
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{');
    }
  });

  it('pins the code scanning upload, and the test runner knows every condition', () => {
    expect(action.runs.steps.filter((s) => s.uses).map((s) => s.uses)).toEqual(['github/codeql-action/upload-sarif@v3']);
    for (const step of action.runs.steps) if (step.if !== undefined) expect(Object.keys(conditions)).toContain(step.if);
  });
});

describe('action.yml: its steps, run locally with a fake runner environment', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir('accord-action-');
    cpSync(path.join(repo, 'fixtures/examples'), tmp.path('workspace'), { recursive: true });
  });
  afterEach(() => tmp.cleanup());

  const run = (inputs: Record<string, string>): ActionRun => runAction(action, tmp.path('workspace'), tmp.path('runner'), inputs);
  const step = (result: ActionRun, id: string) => result.steps.find((s) => s.step.id === id);
  const upload = (result: ActionRun) => result.steps.find((s) => s.step.uses?.startsWith('github/codeql-action/upload-sarif'));
  const examples = { paths: 'deployments', approvals: 'approvals.yaml', waivers: 'waivers.yaml' };
  // What the library finds in the examples: the action's run must report the same.
  let expected: Summary;
  beforeAll(async () => {
    const policy = await loadPolicy({ cwd: repo, approvals: 'fixtures/examples/approvals.yaml', waivers: 'fixtures/examples/waivers.yaml' });
    expected = (await policy.checkFiles(['fixtures/examples/deployments'], { cwd: repo })).summary;
    expect(expected.errors).toBeGreaterThan(0);
    expect(expected.waived).toBeGreaterThan(0);
  });

  it('installs the release of its own version into a prefix of its own, then fails the job on the examples (exit 1)', () => {
    const result = run(examples);
    expect(result.npmCalls).toEqual([['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', tmp.path('runner', 'runner-temp', 'accord-action'), `accord-policy@${version}`]]);
    expect(step(result, 'install')?.status).toBe(0);
    expect(result.failed).toBe(true);
    expect(result.outputs['exit-code']).toBe('1');
    const check = step(result, 'check');
    expect(check?.status).toBe(1);
    expect(check?.stdout).toMatch(/^::error file=deployments\/api\.yaml,line=\d+,col=\d+,title=api-endpoint-off-azure::.*%0AFix: /m);
    const s = expected;
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    expect(check?.stdout).toContain(`accord: ${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}, ${n(s.infos, 'info')}, ${s.waived} waived, ${n(s.problems, 'problem')} in ${n(s.deployments, 'deployment')} (${n(s.files, 'file')})\n`);
  });

  it('uploads a SARIF report for code scanning, made before the gate', () => {
    const result = run(examples);
    const sarifFile = result.outputs['sarif-file']!;
    expect(sarifFile).toBe(tmp.path('runner', 'runner-temp', 'accord-action', 'accord.sarif'));
    expect(upload(result)?.with).toEqual({ sarif_file: sarifFile, category: 'accord' });
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string; suppressions?: unknown[] }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.filter((r) => !r.suppressions)).toHaveLength(expected.errors + expected.warnings + expected.infos);
    expect(sarif.runs[0]!.results.filter((r) => r.suppressions)).toHaveLength(expected.waived);
  });

  it('writes the Markdown job summary, with the fixes', () => {
    const summary = run(examples).summary;
    expect(summary).toMatch(/^## ❌ accord: failed$/m);
    expect(summary).toContain('### How to fix');
    expect(summary).toContain('<summary>1 waived finding</summary>');
  });

  it('passes with fail-on never, and still reports', () => {
    const result = run({ ...examples, 'fail-on': 'never' });
    expect(result.failed).toBe(false);
    expect(result.outputs['exit-code']).toBe('0');
    expect(result.summary).toContain('### Findings');
  });

  it('fails with exit 2 on a problem, and still uploads SARIF saying the run was incomplete', async () => {
    await tmp.write('workspace/deployments/broken.yaml', 'apiVersion: accord/v1\nkind: [\n');
    const result = run(examples);
    expect(result.outputs['exit-code']).toBe('2');
    expect(step(result, 'check')?.stdout).toMatch(/^::error file=deployments\/broken\.yaml,.*title=accord PARSE_ERROR::/m);
    const sarif = JSON.parse(readFileSync(upload(result)!.with!.sarif_file!, 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean }> }> };
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('hands globs and several paths to accord unexpanded: the shell would stop at one folder level', async () => {
    await tmp.write('workspace/services/a/deploy/api.yaml', manifestYaml({ name: 'nested-api', provider: 'oracle' }));
    // What `services/*/*.yaml` (bash's reading of the glob) would have matched alone.
    await tmp.write('workspace/services/b/deploy.yaml', manifestYaml({ name: 'shallow', provider: 'azure' }));
    const result = run({ paths: 'services/**/*.yaml\n  deployments/chat.yaml', 'fail-on': 'never' });
    expect(step(result, 'check')?.stdout).toMatch(/^::error file=services\/a\/deploy\/api\.yaml,.*title=api-exclusive-to-azure::/m);
    expect(step(result, 'check')?.stdout).toMatch(/in 4 deployments \(3 files\)$/m);
  });

  it('uses accord.config.json when no paths are given', async () => {
    await tmp.write('workspace/accord.config.json', JSON.stringify({ include: ['deployments/chat.yaml'], waivers: 'waivers.yaml' }));
    const result = run({});
    expect(step(result, 'check')?.stdout).toMatch(/in \d+ deployments? \(1 file\)$/m);
  });

  it('with upload-sarif false: no SARIF run, no upload, the same gate', () => {
    const result = run({ ...examples, 'upload-sarif': 'false' });
    expect(step(result, 'sarif')?.ran).toBe(false);
    expect(upload(result)?.ran).toBe(false);
    expect(result.outputs['exit-code']).toBe('1');
  });

  it('installs the version asked for', () => {
    const result = run({ ...examples, version: '0.2.0' });
    expect(result.npmCalls[0]?.at(-1)).toBe('accord-policy@0.2.0');
  });

  it('runs in the working directory given', async () => {
    cpSync(path.join(repo, 'fixtures/examples'), tmp.path('workspace/infra'), { recursive: true });
    const result = run({ ...examples, 'working-directory': 'infra', 'fail-on': 'never' });
    expect(step(result, 'check')?.stdout).toMatch(/^::error file=deployments\/api\.yaml,/m);
    expect(result.outputs['exit-code']).toBe('0');
  });
});
