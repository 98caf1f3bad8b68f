import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { plan } from '../support/terraform-plan.js';
import { noStackTrace, runCli } from './run-cli.js';

let tmp: TempDir;
const tags = { 'accord-workload': 'api', 'accord-date': '2027-03-01' };
beforeAll(async () => {
  tmp = await makeTempDir('accord-map-');
  await tmp.write(
    'plan.json',
    JSON.stringify(
      plan({
        resources: [
          { type: 'aws_instance', name: 'api', key: 0, after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags, tags_all: tags } },
          { type: 'aws_instance', name: 'trn', after: { ami: 'ami-0abc', instance_type: 'trn1.32xlarge', tags, tags_all: tags } },
        ],
      }),
    ),
  );
  await tmp.write('mapping.yaml', 'apiVersion: accord/v1\nkind: TerraformMapping\nskus:\n  trn1.32xlarge: 16\n');
  await tmp.write('manifest.json', JSON.stringify({ apiVersion: 'accord/v1', kind: 'Deployment' }));
});
afterAll(() => tmp.cleanup());

const map = (args: string[]) => runCli(['map', ...args], { cwd: tmp.dir });

describe('accord map', () => {
  it('prints the derived manifests as YAML, with annotations naming the plan and members; problems on stderr, exit 2', () => {
    const run = map(['plan.json']);
    expect(run.status).toBe(2);
    const manifest = parse(run.stdout);
    expect(manifest).toMatchObject({ apiVersion: 'accord/v1', kind: 'Deployment', spec: { provider: 'aws', workload: 'api', capacity: { gpus: 8 } } });
    expect(Object.values(manifest.metadata.annotations as Record<string, string>)).toEqual(expect.arrayContaining(['plan.json', 'aws_instance.api[0]']));
    expect(run.stderr).toMatch(/^plan\.json:1:\d+ {2}problem {2}TF_UNKNOWN_SKU {2}aws_instance\.trn: /m);
    expect(noStackTrace(run.stderr)).toBe(true);
  });

  it('--format json prints one JSON array; the mapping file fills what the plan lacks, exit 0', () => {
    const run = map(['plan.json', '--terraform-mapping', 'mapping.yaml', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const manifests = JSON.parse(run.stdout) as { metadata: { name: string }; spec: { capacity: { gpus: number } } }[];
    expect(manifests.map((m) => m.spec.capacity.gpus).sort((a, b) => a - b)).toEqual([8, 16]);
  });

  it('a plan with nothing to check prints nothing and says so, exit 0', () => {
    const run = runCli(['map', 'fixtures/terraform/real/terraform-json__no_changes.json', '-f', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toContain('TF_NO_DEPLOYMENTS');
  });

  it('refuses what is not a plan: a manifest, a binary plan, a missing file, and no or two paths', () => {
    expect(map(['manifest.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('TF_NOT_A_PLAN') });
    expect(runCli(['map', 'fixtures/terraform/plan.out'])).toMatchObject({ status: 2, stderr: expect.stringContaining('terraform show -json plan.out') });
    expect(map(['nope.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('READ_ERROR') });
    expect(map([]).status).toBe(2);
    expect(map(['a.json', 'b.json']).status).toBe(2);
  });

  it('has help with an example and its exit codes', () => {
    const help = map(['--help']).stdout;
    expect(help).toContain('Usage: accord map PLAN');
    expect(help).toContain('accord map plan.json --terraform-mapping');
    expect(help).toMatch(/Exit codes:\n {2}0 .*\n {2}2 /);
  });
});
