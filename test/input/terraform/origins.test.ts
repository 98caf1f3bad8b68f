import { describe, expect, it } from 'vitest';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import { createPointerLocator, toPointer } from '../../../src/input/terraform/json-pointer.js';
import { createJsonLocator } from '../../../src/input/json-locate.js';
import { plan } from '../../support/terraform-plan.js';
import { fixtures } from './plan-fixtures.js';

const spec = (name: string) => (fixtures.find((f) => f.name === name) as (typeof fixtures)[number]).plan;

/** The text at a position: what a person sees where a finding points. */
function at(text: string, position: { line: number; column: number }): string {
  const line = text.split('\n')[position.line - 1] ?? '';
  return line.slice(position.column - 1, position.column - 1 + 40);
}

describe('pointers and positions', () => {
  it('encodes RFC 6901 pointers (~ and / escaped) and locates them in the plan text, keys that look like numbers included', () => {
    expect(toPointer(['resource_changes', 0, 'change', 'after', 'tags', 'a/b~c'])).toBe('/resource_changes/0/change/after/tags/a~1b~0c');
    const text = JSON.stringify({ a: [{ 'a/b~c': 1, '7': { x: 2 } }] }, null, 2);
    const locate = createPointerLocator(text);
    expect(at(text, locate('/a/0/a~1b~0c'))).toMatch(/^"a\/b~c"/);
    expect(at(text, locate('/a/0/7/x'))).toMatch(/^"x"/);
    expect(at(text, locate('/a/0/missing'))).toMatch(/^\{/);
    expect(createJsonLocator('{"7":[true]}')([7, 0])).toBe(6);
  });

  it("points every field of a derived manifest at where it came from, in a one-line plan and a pretty-printed one", () => {
    const value = plan(spec('aws-instance'));
    const result = deploymentsFromPlan(value, { file: 'plan.json' });
    const d = result.deployments[0];
    expect(d?.name).toBe('trainer-a');
    const origin = (path: (string | number)[]) => d?.origin(path);
    expect(origin([])).toEqual({ pointer: '/resource_changes/0', resource: 'module.trainer["a"].aws_instance.node[0]' });
    expect(origin(['metadata', 'name'])).toEqual({ pointer: '/resource_changes/0/change/after/tags_all/accord-deployment', resource: 'module.trainer["a"].aws_instance.node[0]' });
    expect(origin(['metadata', 'date'])).toEqual({ pointer: '/timestamp' });
    expect(origin(['spec', 'provider'])?.pointer).toBe('/resource_changes/0/provider_name');
    expect(origin(['spec', 'region'])?.pointer).toBe('/configuration/provider_config/aws/expressions/region');
    expect(origin(['spec', 'capacity', 'gpus'])?.pointer).toBe('/resource_changes/0/change/after/instance_type');
    expect(origin(['spec', 'capacity', 'kind'])?.pointer).toBe('/resource_changes/0/change/actions');
    expect(origin(['spec', 'revenueShare', 'metered'])?.pointer).toBe('/resource_changes/0/change/after/tags_all/accord-revenue-metered');
    // An absent fact points at the first member's tag map, where it would be written.
    expect(origin(['spec', 'rofr', 'decision'])).toEqual({ pointer: '/resource_changes/0/change/after/tags_all', resource: 'module.trainer["a"].aws_instance.node[0]' });
    expect(d?.manifest.spec).toMatchObject({ region: 'us-east-1' });

    const expected = { '/resource_changes/0/change/after/tags_all/accord-deployment': '"accord-deployment"', '/timestamp': '"timestamp"', '/resource_changes/0/change/actions': '"actions"' };
    for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const locate = createPointerLocator(text);
      for (const [pointer, key] of Object.entries(expected)) expect(at(text, locate(pointer)).startsWith(key), pointer).toBe(true);
    }
    const oneLine = createPointerLocator(JSON.stringify(value))('/resource_changes/0/change/after/tags_all/accord-deployment');
    const pretty = createPointerLocator(JSON.stringify(value, null, 2))('/resource_changes/0/change/after/tags_all/accord-deployment');
    expect(oneLine.line).toBe(1);
    expect(oneLine.column).toBeGreaterThan(1000);
    expect(pretty.line).toBeGreaterThan(50);
  });

  it('points GPUs at the SKU of the largest member, through its template when it has one', () => {
    const d = deploymentsFromPlan(plan(spec('aws-autoscaling-group'))).deployments[0];
    expect(d?.origin(['spec', 'capacity', 'gpus'])).toEqual({ pointer: '/resource_changes/1/change/after/instance_type', resource: 'aws_launch_template.gpu' });
    expect(d?.origin(['spec', 'ipAccess', 'microsoft'])).toEqual({ pointer: '/resource_changes/0/change/after/tag/1/value', resource: 'aws_autoscaling_group.workers' });
    expect(d?.origin(['spec', 'workload'])).toEqual({ pointer: '/resource_changes/1/change/after/tags_all/accord-workload', resource: 'aws_launch_template.gpu' });
  });

  it('names the plan file and the members in annotations', () => {
    const d = deploymentsFromPlan(plan(spec('aws-instance')), { file: 'plans/prod.json' }).deployments[0];
    expect((d?.manifest.metadata as { annotations: unknown }).annotations).toEqual({
      'accord.dev/terraform-plan': 'plans/prod.json',
      'accord.dev/terraform-resources': 'module.trainer["a"].aws_instance.node[0], module.trainer["a"].aws_instance.node[1]',
    });
  });

  it('keeps the member list of a large deployment within the manifest annotation limit, saying how many it left out', () => {
    const named = { 'accord-deployment': 'big', 'accord-workload': 'training' };
    const resources = Array.from({ length: 300 }, (_, key) => ({ type: 'aws_instance', name: 'worker_with_a_long_name', key, after: { instance_type: 'p5.48xlarge', tags: named, tags_all: named } }));
    const d = deploymentsFromPlan(plan({ resources })).deployments[0];
    const listed = ((d?.manifest.metadata as { annotations: Record<string, string> }).annotations['accord.dev/terraform-resources'] as string);
    expect(listed.length).toBeLessThanOrEqual(4096);
    expect(listed).toMatch(/ and \d+ more$/);
    expect(d?.members).toHaveLength(300);
    expect((d?.manifest.spec as { capacity: { gpus: number } }).capacity.gpus).toBe(2400);
  });

  it('points problems at what is wrong: the tag, the after_unknown entry, the SKU', () => {
    const pointers = (name: string) => deploymentsFromPlan(plan(spec(name))).problems.map((p) => p.pointer);
    expect(pointers('problem-unknown-tag')).toEqual(['/resource_changes/0/change/after/tags_all/accord-ip-acess-microsoft']);
    expect(pointers('problem-unknown-value')).toEqual(['/resource_changes/1/change/after_unknown/instance_type']);
    expect(pointers('problem-unknown-sku')).toEqual(['/resource_changes/0/change/after/instance_type']);
    expect(pointers('problem-unresolved-reference')).toEqual(['/resource_changes/0/change/after_unknown/launch_template/0/id']);
    expect(pointers('problem-deferred')).toEqual(['/deferred_changes/0']);
  });
});
