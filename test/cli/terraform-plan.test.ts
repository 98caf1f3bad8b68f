import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { plan } from '../support/terraform-plan.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { noStackTrace, repo, runCli } from './run-cli.js';

const plans = `${repo}/fixtures/terraform/plans`;
const real = `${repo}/fixtures/terraform/real`;
const asOf = ['--as-of', '2027-01-01'];
let tmp: TempDir;

const apiTags = { 'accord-workload': 'api', 'accord-date': '2027-03-01' };
/** An API deployment on AWS (the pack's api-exclusive-to-azure fires) beside a clean Azure training one. */
const violating = plan({
  resources: [
    { type: 'aws_instance', name: 'api_p5', key: 0, after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags: apiTags, tags_all: apiTags } },
    { type: 'aws_instance', name: 'broken', after: { ami: 'ami-0abc', instance_type: 'trn1.32xlarge', tags: apiTags, tags_all: apiTags } },
  ],
});

beforeAll(async () => {
  tmp = await makeTempDir('accord-tf-cli-');
  await tmp.write('plan.json', JSON.stringify(violating));
  const untagged = { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags: {}, tags_all: {} };
  await tmp.write('untagged.json', JSON.stringify(plan({ resources: [{ type: 'aws_instance', name: 'front', after: untagged }] })));
  await tmp.write('mapping.yaml', 'apiVersion: accord/v1\nkind: TerraformMapping\nresources:\n  - match: aws_instance.front\n    workload: api\n    date: "2027-03-01"\n');
  await tmp.write('bad-mapping.yaml', 'apiVersion: accord/v1\nkind: TerraformMapping\nresources:\n  - match: aws_instance.front\n    workload: api\n    colour: blue\n');
  await tmp.write('accord.config.json', JSON.stringify({ terraformMapping: 'mapping.yaml' }));
  await tmp.write('sorted.json', JSON.stringify(Object.fromEntries(Object.entries(violating).sort(([a], [b]) => a.localeCompare(b)))));
});
afterAll(() => tmp.cleanup());

const json = (stdout: string) => JSON.parse(stdout) as Report;

describe('accord check on Terraform plans', () => {
  it('names the rule a plan violates, and still checks the other deployments when one has a problem', () => {
    const run = runCli(['check', 'plan.json', ...asOf, '--format', 'json'], { cwd: tmp.dir });
    expect(run.status).toBe(2);
    const report = json(run.stdout);
    expect(report.findings.map((f) => f.rule)).toContain('api-exclusive-to-azure');
    expect(report.findings.every((f) => f.file === 'plan.json' && f.line === 1 && f.column > 1)).toBe(true);
    expect(report.problems.map((p) => p.code)).toEqual(['TF_UNKNOWN_SKU']);
    expect(report.summary.deployments).toBe(1);
    const api = report.findings.find((f) => f.rule === 'api-exclusive-to-azure');
    expect(api).toMatchObject({ resource: 'aws_instance.api_p5[0]', pointer: expect.stringMatching(/^\/resource_changes\/\d+\//) });
    expect(report.problems[0]).toMatchObject({ resource: 'aws_instance.broken', pointer: expect.stringMatching(/instance_type$/) });
  });

  it('text output names the resource instance after the rule', () => {
    const text = runCli(['check', 'plan.json', ...asOf], { cwd: tmp.dir }).stdout;
    expect(text).toMatch(/plan\.json:1:\d+ +error +api-exclusive-to-azure +aws_instance\.api_p5\[0\]: /);
  });

  it('reads a plan whose keys are not in the order Terraform writes them', () => {
    const report = json(runCli(['check', 'sorted.json', ...asOf, '--format', 'json'], { cwd: tmp.dir }).stdout);
    expect(report.findings.map((f) => f.rule)).toContain('api-exclusive-to-azure');
    expect(report.problems.map((p) => p.code)).toEqual(['TF_UNKNOWN_SKU']);
  });

  it('reads a plan from stdin', () => {
    const run = runCli(['check', '-', ...asOf, '--format', 'json'], { input: JSON.stringify(violating) });
    expect(run.status).toBe(2);
    expect(json(run.stdout).findings.map((f) => f.rule)).toContain('api-exclusive-to-azure');
  });

  it('reads a UTF-16LE plan from stdin (a PowerShell pipe)', () => {
    const run = runCli(['check', '-', ...asOf, '--format', 'json'], { input: readFileSync(`${real}/checkov__aws_s3__UTF16LE_BOM.json`) });
    expect(run.status).toBe(0);
    expect(json(run.stdout).notices.map((n) => n.code)).toEqual(['TF_NO_DEPLOYMENTS']);
  });

  it('exits 2 on a problem plan, with the code and the plan line', () => {
    const run = runCli(['check', `${plans}/problem-missing-fact.json`, ...asOf, '--format', 'json']);
    expect(run.status).toBe(2);
    const [problem] = json(run.stdout).problems;
    expect(problem).toMatchObject({ code: 'TF_MISSING_FACT', file: 'fixtures/terraform/plans/problem-missing-fact.json' });
    expect(problem?.line).toBeGreaterThan(1);
  });

  it('exits 0 on a plan whose deployments comply', () => {
    const run = runCli(['check', `${plans}/azurerm-linux-virtual-machine.json`, ...asOf, '--format', 'json']);
    const report = json(run.stdout);
    expect(report.summary.deployments).toBe(1);
    expect(report.problems).toEqual([]);
    expect(run.status).toBe(report.findings.some((f) => f.severity === 'error') ? 1 : 0);
  });

  it('says what to run for a binary plan named on the command line, and for one on stdin', () => {
    const named = runCli(['check', 'fixtures/terraform/plan.out', ...asOf]);
    expect(named.status).toBe(2);
    expect(named.stdout).toContain('TF_BINARY_PLAN');
    expect(named.stdout).toContain('terraform show -json plan.out');
    const piped = runCli(['check', '-', ...asOf], { input: readFileSync(`${repo}/fixtures/terraform/plan.out`) });
    expect(piped.status).toBe(2);
    expect(piped.stdout).toContain('TF_BINARY_PLAN');
    expect(noStackTrace(piped.stderr)).toBe(true);
  });

  it('calls a state file not a plan', () => {
    const run = runCli(['check', 'fixtures/terraform/state.json', ...asOf, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(json(run.stdout).problems.map((p) => p.code)).toEqual(['TF_NOT_A_PLAN']);
  });

  it('takes facts from --terraform-mapping', () => {
    const report = json(runCli(['check', 'untagged.json', ...asOf, '--format', 'json', '--terraform-mapping', 'mapping.yaml'], { cwd: tmp.dir }).stdout);
    const api = report.findings.find((f) => f.rule === 'api-exclusive-to-azure');
    expect(api).toMatchObject({ resource: 'aws_instance.front' });
    expect(report.problems).toEqual([]);
  });

  it('takes terraformMapping from the config file', () => {
    const report = json(runCli(['check', 'untagged.json', ...asOf, '--format', 'json'], { cwd: tmp.dir }).stdout);
    expect(report.findings.map((f) => f.rule)).toContain('api-exclusive-to-azure');
  });

  it('a mapping file that fails its schema is MAPPING_ERROR at its line, exit 2', () => {
    const run = runCli(['check', 'untagged.json', ...asOf, '--format', 'json', '--terraform-mapping', 'bad-mapping.yaml'], { cwd: tmp.dir });
    expect(run.status).toBe(2);
    const problem = json(run.stdout).problems.find((p) => p.code === 'MAPPING_ERROR');
    expect(problem).toMatchObject({ file: 'bad-mapping.yaml', line: 6 });
  });

  it('a plan gets maxPlanBytes instead of maxFileBytes, on disk and on stdin', () => {
    const file = `${plans}/aws-instance.json`;
    const size = readFileSync(file).length;
    const small = ['--max-file-bytes', '1000'];
    const read = runCli(['check', file, ...asOf, ...small, '--max-plan-bytes', String(size), '--format', 'json']);
    expect(json(read.stdout).summary.deployments).toBe(1);
    const over = runCli(['check', file, ...asOf, ...small, '--max-plan-bytes', String(size - 1), '--format', 'json']);
    expect(over.status).toBe(2);
    expect(json(over.stdout).problems).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('maxPlanBytes') })]);
    const piped = runCli(['check', '-', ...asOf, ...small, '--max-plan-bytes', String(size), '--format', 'json'], { input: readFileSync(file) });
    expect(json(piped.stdout).summary.deployments).toBe(1);
    const pipedOver = runCli(['check', '-', ...asOf, ...small, '--max-plan-bytes', String(size - 1), '--format', 'json'], { input: readFileSync(file) });
    expect(json(pipedOver.stdout).problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
    // A manifest is still held to maxFileBytes.
    const manifest = runCli(['check', `${repo}/fixtures/examples/deployments`, ...asOf, '--max-file-bytes', '100', '--format', 'json']);
    expect(json(manifest.stdout).problems.some((p) => p.code === 'FILE_TOO_LARGE')).toBe(true);
  });

  it('gives every real plan exit 0, no deployment, and the TF_NO_DEPLOYMENTS notice', () => {
    const run = runCli(['check', 'fixtures/terraform/real', ...asOf, '--format', 'json']);
    expect(run.status).toBe(0);
    const report = json(run.stdout);
    const count = readdirSync(real).filter((f) => f.endsWith('.json')).length;
    expect(report.summary).toMatchObject({ files: count, deployments: 0, problems: 0 });
    expect(report.notices.filter((n) => n.code === 'TF_NO_DEPLOYMENTS')).toHaveLength(count);
  });
});
