import { describe, expect, it } from 'vitest';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import type { MappingValue } from '../../../src/input/terraform/types.js';
import { plan, type ResourceSpec } from '../../support/terraform-plan.js';
import { facts } from './plan-fixtures.js';

const vm = (name: string, tags: Record<string, string>, extra: Partial<ResourceSpec> = {}): ResourceSpec => ({
  type: 'aws_instance',
  name,
  after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags, tags_all: tags },
  ...extra,
});
const mapping = (m: Partial<MappingValue>): MappingValue => ({ apiVersion: 'accord/v1', kind: 'TerraformMapping', ...m });
const derive = (resources: ResourceSpec[], m?: MappingValue) => deploymentsFromPlan(plan({ resources }), { ...(m ? { mapping: m, mappingFile: 'accord-terraform.yaml' } : {}), file: 'plan.json' });
const codes = (r: ReturnType<typeof derive>) => r.problems.map((p) => `${p.code} ${p.resource ?? p.file ?? ''}`);

describe('facts from accord-* tags (convention 1)', () => {
  it('puts every tag in its manifest field, booleans as booleans, and names the plan and members in annotations', () => {
    const all = { ...facts, 'accord-date': '2027-03-01', 'accord-capacity': 'existing', 'accord-rofr-ref': 'ROFR-1', 'accord-rofr-offered-on': '2027-01-01', 'accord-rofr-decision': 'declined', 'accord-revenue-metered': 'false' };
    const result = derive([vm('full', all)]);
    expect(result.problems).toEqual([]);
    expect(result.deployments[0]?.manifest).toEqual({
      apiVersion: 'accord/v1',
      kind: 'Deployment',
      metadata: { name: 'aws-instance-full', date: '2027-03-01', annotations: { 'accord.dev/terraform-plan': 'plan.json', 'accord.dev/terraform-resources': 'aws_instance.full' } },
      spec: {
        workload: 'training',
        provider: 'aws',
        capacity: { kind: 'existing', gpus: 8 },
        rofr: { reference: 'ROFR-1', offeredOn: '2027-01-01', decision: 'declined' },
        approval: { reference: 'MSFT-CAP-2027-001' },
        revenueShare: { metered: false },
        ipAccess: { microsoft: true },
      },
    });
  });

  it('writes values as given and lets the manifest schema judge them', () => {
    const result = derive([vm('upper', { ...facts, 'accord-workload': 'Training' })]);
    expect(result.problems).toEqual([]);
    expect((result.deployments[0]?.manifest.spec as { workload: string }).workload).toBe('Training');
    expect(result.deployments[0]?.origin(['spec', 'workload']).pointer).toBe('/resource_changes/0/change/after/tags_all/accord-workload');
  });

  it('refuses a boolean that is not exactly true or false (TF_INVALID_FACT), pointing at the tag', () => {
    const result = derive([vm('bool', { ...facts, 'accord-ip-access-microsoft': 'True' })]);
    expect(result.problems).toMatchObject([{ code: 'TF_INVALID_FACT', pointer: '/resource_changes/0/change/after/tags_all/accord-ip-access-microsoft', resource: 'aws_instance.bool', deployment: 'aws-instance-bool' }]);
    expect(result.deployments).toEqual([]);
  });

  it('refuses an unknown accord key, misspelt or in the wrong case, so no fact silently vanishes (TF_UNKNOWN_TAG)', () => {
    for (const key of ['accord-ip-acess-microsoft', 'Accord-Workload', 'accord_workload', 'ACCORD-DATE']) {
      expect(codes(derive([vm('typo', { ...facts, [key]: 'false' })])), key).toEqual(['TF_UNKNOWN_TAG aws_instance.typo']);
    }
  });

  it('a resource without GPUs but with facts is a deployment of 0 GPUs; one without either is ignored', () => {
    const cpu = (name: string, tags: Record<string, string>): ResourceSpec => ({ type: 'aws_instance', name, after: { instance_type: 'm7i.large', tags, tags_all: tags } });
    const result = derive([cpu('api', { 'accord-workload': 'api', 'accord-revenue-metered': 'true' }), cpu('web', { Name: 'web' })]);
    expect(result.deployments.map((d) => [d.name, (d.manifest.spec as { capacity: unknown }).capacity])).toEqual([['aws-instance-api', { kind: 'new', gpus: 0 }]]);
  });

  it('GPU capacity without facts is TF_MISSING_FACT at its tag map', () => {
    const result = derive([vm('bare', {})]);
    expect(result.problems).toMatchObject([{ code: 'TF_MISSING_FACT', pointer: '/resource_changes/0/change/after/tags_all', resource: 'aws_instance.bare' }]);
    expect(result.problems[0]?.message).toContain('GPU capacity with no accord facts');
  });

  it('no date and no plan timestamp is TF_MISSING_FACT', () => {
    const p = plan({ resources: [vm('undated', facts)] });
    delete p.timestamp;
    expect(deploymentsFromPlan(p).problems.map((x) => x.code)).toEqual(['TF_MISSING_FACT']);
    expect(deploymentsFromPlan(plan({ resources: [vm('dated', { ...facts, 'accord-date': '2027-05-05' })] })).deployments[0]?.origin(['metadata', 'date']).pointer).toBe('/resource_changes/0/change/after/tags_all/accord-date');
  });

  it('on AWS, tags_all (with provider default_tags) is read when known, else tags', () => {
    const both = derive([vm('x', {}, { after: { instance_type: 'p5.48xlarge', tags: { 'accord-workload': 'training' }, tags_all: { 'accord-workload': 'training', 'accord-revenue-metered': 'true' } } })]);
    expect((both.deployments[0]?.manifest.spec as { revenueShare?: unknown }).revenueShare).toEqual({ metered: true });
    const unknownAll = derive([vm('y', {}, { after: { instance_type: 'p5.48xlarge', tags: { 'accord-workload': 'training' } }, unknown: { tags_all: true } })]);
    expect(unknownAll.problems).toEqual([]);
    expect(unknownAll.deployments[0]?.origin(['spec', 'workload']).pointer).toBe('/resource_changes/0/change/after/tags/accord-workload');
  });

  it('an unknown tag map on GPU capacity is TF_UNKNOWN_VALUE; on CPU capacity without facts it is ignored', () => {
    const gpu = derive([vm('gpu', {}, { after: { instance_type: 'p5.48xlarge' }, unknown: { tags: true, tags_all: true } })]);
    expect(gpu.problems.map((p) => [p.code, p.pointer])).toContainEqual(['TF_UNKNOWN_VALUE', '/resource_changes/0/change/after_unknown/tags_all']);
    const cpu = derive([vm('cpu', {}, { after: { instance_type: 't3.micro' }, unknown: { tags: true, tags_all: true } })]);
    expect(cpu).toMatchObject({ deployments: [], problems: [] });
  });

  it('an accord tag whose value is unknown until apply is TF_UNKNOWN_VALUE at its after_unknown entry', () => {
    const result = derive([vm('later', { 'accord-workload': 'training' }, { unknown: { tags_all: { 'accord-approval': true }, tags: { 'accord-approval': true } } })]);
    expect(result.problems).toMatchObject([{ code: 'TF_UNKNOWN_VALUE', pointer: '/resource_changes/0/change/after_unknown/tags_all/accord-approval' }]);
  });

  it('members of one deployment that state a fact differently conflict (TF_CONFLICTING_FACTS); equal statements do not', () => {
    const named = (workload: string) => ({ ...facts, 'accord-deployment': 'pool', 'accord-workload': workload });
    expect(codes(derive([vm('a', named('training')), vm('b', named('research'))]))).toEqual(['TF_CONFLICTING_FACTS aws_instance.b']);
    expect(derive([vm('a', named('training')), vm('b', named('training'))]).deployments.map((d) => d.members)).toEqual([['aws_instance.a', 'aws_instance.b']]);
  });

  it('a resource given two deployment names is a problem in both deployments, which are not derived', () => {
    const result = derive(
      [vm('both', { ...facts, 'accord-deployment': 'one' }), vm('other', { ...facts, 'accord-deployment': 'two' })],
      mapping({ resources: [{ match: 'aws_instance.both', deployment: 'two' }] }),
    );
    expect(result.deployments).toEqual([]);
    expect(result.problems).toMatchObject([{ code: 'TF_CONFLICTING_FACTS', resource: 'aws_instance.both', pointer: '/resources/0/deployment', deployment: 'one' }]);
  });

  it('a problem drops only its deployment: the others are still derived', () => {
    const result = derive([vm('bad', { ...facts, 'accord-revenue-metered': 'yes' }), vm('good', facts)]);
    expect(result.deployments.map((d) => d.name)).toEqual(['aws-instance-good']);
    expect(codes(result)).toEqual(['TF_INVALID_FACT aws_instance.bad']);
  });
});

describe('the provider (design 3.2)', () => {
  it('comes from the last segment of provider_name, OpenTofu and legacy short names included, and points there', () => {
    for (const provider of ['aws', 'registry.opentofu.org/hashicorp/aws', 'registry.terraform.io/hashicorp/aws']) {
      const result = derive([vm('p', facts, { provider })]);
      expect((result.deployments[0]?.manifest.spec as { provider: string }).provider).toBe('aws');
      expect(result.deployments[0]?.origin(['spec', 'provider'])).toEqual({ pointer: '/resource_changes/0/provider_name', resource: 'aws_instance.p' });
    }
  });

  it('accord-provider refines other, and conflicts with a known cloud', () => {
    const other = derive([vm('lab', { ...facts, 'accord-provider': 'openai' }, { provider: 'registry.terraform.io/acme/baremetal' })]);
    expect((other.deployments[0]?.manifest.spec as { provider: string }).provider).toBe('openai');
    expect(other.deployments[0]?.origin(['spec', 'provider']).pointer).toBe('/resource_changes/0/change/after/tags_all/accord-provider');
    expect(codes(derive([vm('aws', { ...facts, 'accord-provider': 'azure' })]))).toEqual(['TF_CONFLICTING_FACTS aws_instance.aws']);
    expect(derive([vm('same', { ...facts, 'accord-provider': 'aws' })]).problems).toEqual([]);
  });

  it('members on two providers cannot form one deployment', () => {
    const named = { ...facts, 'accord-deployment': 'mixed' };
    const gcp: ResourceSpec = { type: 'google_compute_instance', name: 'g', provider: 'google', after: { machine_type: 'a3-highgpu-8g', zone: 'us-central1-a', labels: named } };
    expect(codes(derive([vm('a', named), gcp]))).toEqual(['TF_CONFLICTING_FACTS google_compute_instance.g']);
  });
});

describe('the mapping file (design 3.6)', () => {
  it('gives facts and names by the first matching glob, and facts per deployment, pointing into the mapping file', () => {
    const m = mapping({
      resources: [
        { match: 'module.trainer["*"].aws_instance.node', deployment: 'trainers', workload: 'training' },
        { match: '**', workload: 'research' },
      ],
      deployments: { trainers: { approval: { reference: 'MSFT-CAP-2027-009' }, endpoints: [{ url: 'https://api.example.com', hostedOn: 'azure' }] } },
    });
    const node = (key: string): ResourceSpec => ({ type: 'aws_instance', name: 'node', module: [['trainer', key]], after: { instance_type: 'p5.48xlarge' } });
    const result = derive([node('a'), node('b')], m);
    expect(result.problems).toEqual([]);
    expect(result.notices.map((n) => n.code)).toEqual(['TF_MAPPING_UNUSED']);
    const d = result.deployments[0];
    expect(d?.members).toEqual(['module.trainer["a"].aws_instance.node', 'module.trainer["b"].aws_instance.node']);
    expect(d?.manifest.spec).toMatchObject({ workload: 'training', approval: { reference: 'MSFT-CAP-2027-009' }, endpoints: [{ url: 'https://api.example.com', hostedOn: 'azure' }], capacity: { gpus: 16 } });
    expect(d?.origin(['spec', 'workload'])).toEqual({ pointer: '/resources/0/workload', file: 'accord-terraform.yaml' });
    expect(d?.origin(['spec', 'approval', 'reference'])).toEqual({ pointer: '/deployments/trainers/approval/reference', file: 'accord-terraform.yaml' });
    expect(d?.origin(['metadata', 'name'])).toEqual({ pointer: '/resources/0/deployment', file: 'accord-terraform.yaml' });
  });

  it('a fact in a tag and in the mapping must agree: no silent precedence', () => {
    const m = mapping({ resources: [{ match: 'aws_instance.a', workload: 'research' }] });
    expect(derive([vm('a', facts)], m).problems).toMatchObject([{ code: 'TF_CONFLICTING_FACTS', pointer: '/resources/0/workload', file: 'accord-terraform.yaml', resource: 'aws_instance.a' }]);
    expect(derive([vm('a', facts)], mapping({ resources: [{ match: 'aws_instance.a', workload: 'training' }] })).problems).toEqual([]);
  });

  it('gives the GPUs of a group the plan cannot size, and must agree with the plan where it can', () => {
    const asg: ResourceSpec = {
      type: 'aws_autoscaling_group',
      name: 'on_shared',
      after: { max_size: 4, launch_template: [{ id: 'lt-shared', version: '$Latest' }], tag: [{ key: 'accord-workload', value: 'training', propagate_at_launch: true }] },
      config: { max_size: { constant_value: 4 }, launch_template: [{ id: { references: ['var.shared_template'] } }] },
    };
    expect(codes(derive([asg]))).toEqual(['TF_UNRESOLVED_REFERENCE aws_autoscaling_group.on_shared']);
    const stated = derive([asg], mapping({ resources: [{ match: 'aws_autoscaling_group.on_shared', gpus: 32 }] }));
    expect(stated.problems).toEqual([]);
    expect(stated.deployments[0]?.manifest.spec).toMatchObject({ capacity: { gpus: 32 } });
    expect(stated.deployments[0]?.origin(['spec', 'capacity', 'gpus'])).toEqual({ pointer: '/resources/0/gpus', file: 'accord-terraform.yaml' });
    expect(codes(derive([vm('a', facts)], mapping({ resources: [{ match: 'aws_instance.a', gpus: 4 }] })))).toEqual(['TF_CONFLICTING_FACTS aws_instance.a']);
  });

  it("adds SKUs through skus, which must not contradict accord's table", () => {
    const trn = (t: string): ResourceSpec => ({ type: 'aws_instance', name: 'trn', after: { instance_type: t, tags: facts, tags_all: facts } });
    expect(codes(derive([trn('trn1.32xlarge')]))).toEqual(['TF_UNKNOWN_SKU aws_instance.trn']);
    expect(derive([trn('trn1.32xlarge')], mapping({ skus: { 'trn1.32xlarge': 16 } })).deployments[0]?.manifest.spec).toMatchObject({ capacity: { gpus: 16 } });
    expect(derive([trn('trn1.32xlarge')], mapping({ skus: { 'trn1.32xlarge': 0 } })).deployments[0]?.manifest.spec).toMatchObject({ capacity: { gpus: 0 } });
    expect(codes(derive([trn('p5.48xlarge')], mapping({ skus: { 'p5.48xlarge': 4 } })))).toEqual(['TF_CONFLICTING_FACTS aws_instance.trn']);
  });

  it('makes an untagged CPU resource a deployment when its derived name has facts in deployments', () => {
    const result = derive([{ type: 'aws_instance', name: 'front', after: { instance_type: 't3.large' } }], mapping({ deployments: { 'aws-instance-front': { workload: 'api' } } }));
    expect(result.deployments.map((d) => [d.name, (d.manifest.spec as { workload: string }).workload])).toEqual([['aws-instance-front', 'api']]);
    expect(result.notices).toEqual([]);
  });

  it('reports entries that matched nothing (TF_MAPPING_UNUSED), pointing into the mapping file', () => {
    const result = derive([vm('a', facts)], mapping({ resources: [{ match: 'aws_instance.zzz', workload: 'api' }], deployments: { ghost: { workload: 'api' } } }));
    expect(result.notices.map((n) => [n.code, n.pointer, n.file])).toEqual([
      ['TF_MAPPING_UNUSED', '/resources/0', 'accord-terraform.yaml'],
      ['TF_MAPPING_UNUSED', '/deployments/ghost', 'accord-terraform.yaml'],
    ]);
  });

  it('refuses a mapping that fails its schema (MAPPING_ERROR), deriving nothing', () => {
    for (const bad of [
      { apiVersion: 'accord/v1', kind: 'Deployment' },
      { apiVersion: 'accord/v1', kind: 'TerraformMapping', resources: [{ match: 'x', workload: 'Training' }] },
      { apiVersion: 'accord/v1', kind: 'TerraformMapping', extra: true },
      { apiVersion: 'accord/v1', kind: 'TerraformMapping', deployments: { 'Bad Name': {} } },
      { apiVersion: 'accord/v1', kind: 'TerraformMapping', skus: { x: 1.5 } },
    ]) {
      const result = derive([vm('a', facts)], bad as unknown as MappingValue);
      expect(result.deployments).toEqual([]);
      expect(result.problems.length, JSON.stringify(bad)).toBeGreaterThan(0);
      expect(result.problems.every((p) => p.code === 'MAPPING_ERROR' && p.file === 'accord-terraform.yaml')).toBe(true);
    }
  });
});

describe('sensitive values (design 3.9)', () => {
  it('are used, listed as sensitive, noticed, and never shown in a message', () => {
    const secret = { ...facts, 'accord-approval': 'SECRET-REF-1' };
    const used = derive([vm('s', secret, { sensitive: { tags_all: { 'accord-approval': true }, tags: { 'accord-approval': true } } })]);
    expect(used.deployments[0]?.manifest.spec).toMatchObject({ approval: { reference: 'SECRET-REF-1' } });
    expect(used.deployments[0]?.sensitive).toEqual(['spec.approval.reference']);
    expect(used.notices).toMatchObject([{ code: 'TF_SENSITIVE_FACT', pointer: '/resource_changes/0/change/after/tags_all/accord-approval' }]);
    const bad = derive([vm('s', { ...facts, 'accord-revenue-metered': 'SECRET-VALUE' }, { sensitive: { tags_all: true, tags: true } })]);
    expect(bad.problems.map((p) => p.code)).toEqual(['TF_INVALID_FACT']);
    expect(JSON.stringify(bad.problems)).not.toContain('SECRET-VALUE');
    expect(bad.problems[0]?.message).toContain('(sensitive)');
  });
});
