import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import { binaryPlanProblem, isBinaryPlan, isPlan, terraformKind } from '../../../src/input/terraform/detect.js';
import { plan } from '../../support/terraform-plan.js';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../../fixtures/terraform/${name}`, import.meta.url)));

describe('recognising a plan', () => {
  it('is an object with string format_version and terraform_version, and resource_changes or planned_values', () => {
    expect(isPlan({ format_version: '1.2', terraform_version: '1.9.5', resource_changes: [] })).toBe(true);
    expect(isPlan({ format_version: '0.1', terraform_version: '0.12.0', planned_values: {} })).toBe(true);
    expect(isPlan({ format_version: 1.2, terraform_version: '1.9.5', resource_changes: [] })).toBe(false);
    expect(isPlan({ format_version: '1.2', resource_changes: [] })).toBe(false);
    expect(isPlan([{ format_version: '1.2', terraform_version: '1.9.5', resource_changes: [] }])).toBe(false);
    expect(isPlan({ apiVersion: 'accord/v1', kind: 'Deployment' })).toBe(false);
  });

  it('tells Terraform JSON that is not a plan from anything else', () => {
    const state = JSON.parse(fixture('state.json').toString('utf8'));
    expect(terraformKind(state)).toBe('not-a-plan');
    expect(terraformKind({ version: 4, terraform_version: '1.9.5', serial: 3, lineage: 'x', resources: [] })).toBe('not-a-plan');
    expect(terraformKind({ apiVersion: 'accord/v1' })).toBeUndefined();
    expect(terraformKind('{"format_version":"1.2"}')).toBeUndefined();
  });

  it('recognises the binary plan that terraform plan -out writes (a zip)', () => {
    expect(isBinaryPlan(fixture('plan.out'))).toBe(true);
    expect(isBinaryPlan(fixture('state.json'))).toBe(false);
    expect(isBinaryPlan(new Uint8Array([0x50, 0x4b]))).toBe(false);
    expect(binaryPlanProblem()).toMatchObject({ code: 'TF_BINARY_PLAN', pointer: '' });
    expect(binaryPlanProblem().message).toContain('terraform show -json plan.out > plan.json');
  });
});

describe('plans accord refuses as a whole', () => {
  it('a state is TF_NOT_A_PLAN with the command to run instead', () => {
    const result = deploymentsFromPlan(JSON.parse(fixture('state.json').toString('utf8')));
    expect(result.problems).toMatchObject([{ code: 'TF_NOT_A_PLAN', pointer: '' }]);
    expect(result.problems[0]?.message).toContain('terraform show -json plan.out');
  });

  it('anything that is not Terraform JSON is TF_NOT_A_PLAN too, never a throw', () => {
    for (const value of [null, 42, 'text', [], {}, { format_version: '1.2' }]) {
      expect(deploymentsFromPlan(value).problems.map((p) => p.code)).toEqual(['TF_NOT_A_PLAN']);
    }
  });

  it('a major format version other than 0 or 1 is TF_UNSUPPORTED_FORMAT at /format_version', () => {
    for (const formatVersion of ['2.0', '10.1', 'x']) {
      expect(deploymentsFromPlan(plan({ formatVersion, resources: [] })).problems).toMatchObject([{ code: 'TF_UNSUPPORTED_FORMAT', pointer: '/format_version' }]);
    }
    for (const formatVersion of ['0.1', '0.2', '1.0', '1.2', '1.99']) {
      expect(deploymentsFromPlan(plan({ formatVersion, resources: [] })).problems).toEqual([]);
    }
  });

  it('an errored plan is TF_PLAN_ERRORED at /errored, and derives nothing', () => {
    const spec = { errored: true, resources: [{ type: 'aws_instance', name: 'a', after: { instance_type: 'p5.48xlarge', tags: { 'accord-workload': 'training' } } }] };
    const result = deploymentsFromPlan(plan(spec));
    expect(result).toMatchObject({ deployments: [], problems: [{ code: 'TF_PLAN_ERRORED', pointer: '/errored' }] });
  });

  it('resource_changes that is not a list, or an entry that is not a change, is TF_UNSUPPORTED_FORMAT at that entry', () => {
    expect(deploymentsFromPlan({ format_version: '1.2', terraform_version: '1.9.5', resource_changes: {} }).problems).toMatchObject([{ code: 'TF_UNSUPPORTED_FORMAT', pointer: '/resource_changes' }]);
    const result = deploymentsFromPlan({ format_version: '1.2', terraform_version: '1.9.5', resource_changes: [{ address: 'aws_instance.a', type: 'aws_instance', change: { actions: 'create' } }, 7] });
    expect(result.problems.map((p) => [p.code, p.pointer])).toEqual([
      ['TF_UNSUPPORTED_FORMAT', '/resource_changes/0'],
      ['TF_UNSUPPORTED_FORMAT', '/resource_changes/1'],
    ]);
  });

  it('a partial plan (complete: false) is a notice, not a problem', () => {
    const result = deploymentsFromPlan(plan({ complete: false, resources: [] }));
    expect(result.problems).toEqual([]);
    expect(result.notices.map((n) => n.code)).toEqual(['TF_PARTIAL_PLAN', 'TF_NO_DEPLOYMENTS']);
  });
});
