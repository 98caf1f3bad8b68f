// The library's Terraform entry points: policy.checkFiles and policy.checkPlan detect and read
// plans; deploymentsFromPlan is pure.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploymentsFromPlan, loadPolicy, type Policy } from '../../src/index.js';
import { plan } from '../support/terraform-plan.js';

const repo = path.resolve(import.meta.dirname, '../..');
const apiTags = { 'accord-workload': 'api', 'accord-date': '2027-03-01' };
const apiOnAws = plan({ resources: [{ type: 'aws_instance', name: 'api', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags: apiTags, tags_all: apiTags } }] });
const untagged = plan({ resources: [{ type: 'aws_instance', name: 'front', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags: {}, tags_all: {} } }] });

let policy: Policy;
beforeAll(async () => {
  policy = await loadPolicy({ asOf: '2027-01-01', cwd: repo });
});

describe('policy.checkPlan', () => {
  it('checks a parsed plan: findings name the resource instance', async () => {
    const report = await policy.checkPlan(apiOnAws, { file: 'plan.json' });
    const finding = report.findings.find((f) => f.rule === 'api-exclusive-to-azure');
    expect(finding).toMatchObject({ file: 'plan.json', resource: 'aws_instance.api', pointer: '/resource_changes/0/provider_name' });
    expect(report.summary.deployments).toBe(1);
  });

  it('checks a plan text, with the positions of its pointers', async () => {
    const text = JSON.stringify(apiOnAws, null, 2);
    const report = await policy.checkPlan(text);
    const finding = report.findings.find((f) => f.rule === 'api-exclusive-to-azure');
    expect(finding?.file).toBe('<plan>');
    expect(text.split('\n')[(finding?.line ?? 0) - 1]).toContain('"provider_name"');
  });

  it('takes a mapping value', async () => {
    const mapping = { apiVersion: 'accord/v1', kind: 'TerraformMapping', resources: [{ match: 'aws_instance.front', workload: 'api' }] };
    const report = await policy.checkPlan(untagged, { mapping });
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => f.rule)).toContain('api-exclusive-to-azure');
  });

  it('never throws for bad input: it is in report.problems', async () => {
    expect((await policy.checkPlan('{"format_version": ')).problems.map((p) => p.code)).toEqual(['PARSE_ERROR']);
    expect((await policy.checkPlan(42)).problems.map((p) => p.code)).toEqual(['TF_NOT_A_PLAN']);
    expect((await policy.checkPlan(null)).problems.map((p) => p.code)).toEqual(['TF_NOT_A_PLAN']);
    expect((await policy.checkPlan(untagged)).problems.map((p) => p.code)).toEqual(['TF_MISSING_FACT']);
    expect((await policy.checkPlan(untagged, { mapping: { kind: 'nope' } })).problems.map((p) => p.code)).toContain('MAPPING_ERROR');
  });

  it('a plan with nothing to check is a notice, not a problem', async () => {
    const text = await readFile(path.join(repo, 'fixtures/terraform/real/terraform-json__no_changes.json'), 'utf8');
    const report = await policy.checkPlan(text);
    expect(report.problems).toEqual([]);
    expect(report.notices.map((n) => n.code)).toEqual(['TF_NO_DEPLOYMENTS']);
  });
});

describe('policy.checkFiles on plans', () => {
  it('detects plans among manifests in a folder', async () => {
    const report = await policy.checkFiles(['fixtures/terraform/plans/aws-instance.json', 'fixtures/terraform/plans/problem-unknown-sku.json'], { cwd: repo });
    expect(report.summary.files).toBe(2);
    expect(report.summary.deployments).toBe(1);
    expect(report.problems.map((p) => p.code)).toEqual(['TF_UNKNOWN_SKU']);
  });
});

describe('deploymentsFromPlan (exported, pure)', () => {
  it('derives the manifests without a policy, and leaves the plan as it was', () => {
    const before = JSON.stringify(apiOnAws);
    const result = deploymentsFromPlan(apiOnAws, { file: 'plan.json' });
    expect(JSON.stringify(apiOnAws)).toBe(before);
    expect(result.problems).toEqual([]);
    expect(result.deployments.map((d) => d.members)).toEqual([['aws_instance.api']]);
    expect(result.deployments[0]?.manifest).toMatchObject({ apiVersion: 'accord/v1', kind: 'Deployment', spec: { provider: 'aws', workload: 'api', capacity: { gpus: 8 } } });
  });
});
