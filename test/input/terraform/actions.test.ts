import { describe, expect, it } from 'vitest';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import { classifyActions } from '../../../src/input/terraform/read-changes.js';
import { plan, type ResourceSpec } from '../../support/terraform-plan.js';
import { facts } from './plan-fixtures.js';

const tags = { tags: facts, tags_all: facts };
const instance = (name: string, actions: string[], instanceType: string, before?: string, extra: Partial<ResourceSpec> = {}): ResourceSpec => ({
  type: 'aws_instance',
  name,
  actions,
  ...(before === undefined ? {} : { before: { ami: 'ami-0abc', instance_type: before, id: `i-${name}`, ...tags } }),
  after: { ami: 'ami-0abc', instance_type: instanceType, ...tags, ...(actions.includes('create') ? {} : { id: `i-${name}` }) },
  ...extra,
});

function derive(resources: ResourceSpec[]): { name: string; gpus: number; kind: string; kindAt: string }[] {
  const result = deploymentsFromPlan(plan({ resources }));
  expect(result.problems).toEqual([]);
  return result.deployments.map((d) => {
    const capacity = (d.manifest.spec as { capacity: { gpus: number; kind: string } }).capacity;
    return { name: d.name, gpus: capacity.gpus, kind: capacity.kind, kindAt: d.origin(['spec', 'capacity', 'kind']).pointer };
  });
}

describe('which changes are read (design 3.1)', () => {
  it('classifies action lists: a replace is delete and create in either order; forget, delete and read are not read', () => {
    expect(classifyActions(['create'])).toBe('create');
    expect(classifyActions(['delete', 'create'])).toBe('replace');
    expect(classifyActions(['create', 'delete'])).toBe('replace');
    expect(classifyActions(['create', 'forget'])).toBe('create');
    expect(classifyActions(['update'])).toBe('update');
    expect(classifyActions(['no-op'])).toBe('no-op');
    for (const skipped of [['delete'], ['forget'], ['read']]) expect(classifyActions(skipped)).toBe('skip');
    for (const malformed of ['create', [], [1], undefined]) expect(classifyActions(malformed)).toBeUndefined();
  });

  it('a create and a replace in either order are new capacity, pointing at their actions', () => {
    expect(derive([instance('a', ['create'], 'p5.48xlarge'), instance('b', ['delete', 'create'], 'p5.48xlarge', 'p5.48xlarge'), instance('c', ['create', 'delete'], 'p5.48xlarge', 'p4d.24xlarge')])).toEqual([
      { name: 'aws-instance-a', gpus: 8, kind: 'new', kindAt: '/resource_changes/0/change/actions' },
      { name: 'aws-instance-b', gpus: 8, kind: 'new', kindAt: '/resource_changes/1/change/actions' },
      { name: 'aws-instance-c', gpus: 8, kind: 'new', kindAt: '/resource_changes/2/change/actions' },
    ]);
  });

  it('an update that grows is new capacity; one that does not is existing', () => {
    expect(derive([instance('grow', ['update'], 'p5.48xlarge', 'p5.4xlarge'), instance('same', ['update'], 'p5.48xlarge', 'p5.48xlarge'), instance('shrink', ['update'], 'p5.4xlarge', 'p5.48xlarge')])).toEqual([
      { name: 'aws-instance-grow', gpus: 8, kind: 'new', kindAt: '/resource_changes/0/change/actions' },
      { name: 'aws-instance-same', gpus: 8, kind: 'existing', kindAt: '/resource_changes/1/change/actions' },
      { name: 'aws-instance-shrink', gpus: 1, kind: 'existing', kindAt: '/resource_changes/2/change/actions' },
    ]);
  });

  it('an update of a pool that raises its maximum is new capacity', () => {
    const pool = (max: number, beforeMax: number): ResourceSpec => ({
      type: 'azurerm_linux_virtual_machine_scale_set',
      name: 'pool',
      provider: 'azurerm',
      actions: ['update'],
      before: { sku: 'Standard_ND96isr_H100_v5', instances: beforeMax, tags: facts, id: 'vmss-1' },
      after: { sku: 'Standard_ND96isr_H100_v5', instances: max, tags: facts, id: 'vmss-1' },
    });
    expect(derive([pool(3, 2)])).toMatchObject([{ gpus: 24, kind: 'new' }]);
    expect(derive([pool(2, 3)])).toMatchObject([{ gpus: 16, kind: 'existing' }]);
  });

  it('deletes never count, and a deployment whose members are all unchanged is not checked', () => {
    const result = deploymentsFromPlan(plan({ resources: [instance('gone', ['delete'], 'p5.48xlarge', 'p5.48xlarge'), instance('kept', ['no-op'], 'p5.48xlarge', 'p5.48xlarge'), { ...instance('untagged_kept', ['no-op'], 'p5.48xlarge', 'p5.48xlarge'), after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', id: 'i-x' } }] }));
    expect(result).toMatchObject({ deployments: [], problems: [], notices: [{ code: 'TF_NO_DEPLOYMENTS' }] });
  });

  it('unchanged members count toward a changed deployment, which is new when any member is', () => {
    const shared = { ...facts, 'accord-deployment': 'fleet' };
    const member = (name: string, actions: string[]): ResourceSpec => ({ ...instance(name, actions, 'p5.48xlarge', actions[0] === 'create' ? undefined : 'p5.48xlarge'), after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags: shared, tags_all: shared, ...(actions[0] === 'create' ? {} : { id: `i-${name}` }) } });
    const result = deploymentsFromPlan(plan({ resources: [member('old', ['no-op']), member('new', ['create']), member('gone', ['delete'])] }));
    expect(result.problems).toEqual([]);
    expect(result.deployments.map((d) => [d.name, d.members, (d.manifest.spec as { capacity: unknown }).capacity])).toEqual([['fleet', ['aws_instance.new', 'aws_instance.old'], { kind: 'new', gpus: 16 }]]);
  });

  it('a template that changes under an unchanged group makes the group checked', () => {
    const group = (templateActions: string[], beforeType: string): ResourceSpec[] => [
      { type: 'aws_launch_template', name: 'lt', actions: templateActions, before: { instance_type: beforeType, id: 'lt-1' }, after: { instance_type: 'p5.48xlarge', id: 'lt-1' } },
      {
        type: 'aws_autoscaling_group',
        name: 'asg',
        actions: ['no-op'],
        before: { max_size: 2, launch_template: [{ id: 'lt-1', version: '$Latest' }], tag: [{ key: 'accord-workload', value: 'training', propagate_at_launch: true }], id: 'asg' },
        after: { max_size: 2, launch_template: [{ id: 'lt-1', version: '$Latest' }], tag: [{ key: 'accord-workload', value: 'training', propagate_at_launch: true }], id: 'asg' },
        refs: { 'launch_template.0.id': ['aws_launch_template.lt.id', 'aws_launch_template.lt'] },
      },
    ];
    expect(derive(group(['update'], 'p5.4xlarge'))).toEqual([{ name: 'aws-autoscaling-group-asg', gpus: 16, kind: 'new', kindAt: '/resource_changes/1/change/actions' }]);
    expect(derive(group(['update'], 'p5.48xlarge'))).toMatchObject([{ gpus: 16, kind: 'existing' }]);
    expect(derive(group(['no-op'], 'p5.48xlarge'))).toEqual([]);
  });
});
