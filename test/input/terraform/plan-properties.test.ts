import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import { createPointerLocator } from '../../../src/input/terraform/json-pointer.js';
import { pointerToSegments, type PathSegment } from '../../../src/path.js';
import type { PlanResult } from '../../../src/input/terraform/types.js';
import { address, plan, type PlanSpec, type ResourceSpec } from '../../support/terraform-plan.js';
import { fixtures } from './plan-fixtures.js';

/** Every fixture's resources in one plan: deployments, problems and links between resources together. */
function combined(): Record<string, unknown> {
  const seen = new Set<string>();
  const resources: ResourceSpec[] = [];
  const spec: PlanSpec = { resources, providerConfig: {}, variables: {}, moduleCalls: {} };
  for (const f of fixtures.filter((x) => !x.plan.errored && !x.plan.formatVersion)) {
    for (const r of f.plan.resources) {
      if (seen.has(address(r))) continue;
      seen.add(address(r));
      resources.push(r);
    }
    Object.assign(spec.providerConfig as object, f.plan.providerConfig);
    Object.assign(spec.variables as object, f.plan.variables);
    if (f.plan.deferred) spec.deferred = f.plan.deferred;
  }
  return plan(spec);
}

function valueAt(value: unknown, pointer: string): unknown {
  return pointerToSegments(pointer).reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], value);
}

const paths: PathSegment[][] = [[], ['metadata', 'name'], ['metadata', 'date'], ['spec', 'workload'], ['spec', 'provider'], ['spec', 'region'], ['spec', 'capacity', 'gpus'], ['spec', 'capacity', 'kind'], ['spec', 'approval', 'reference'], ['spec', 'rofr', 'reference'], ['spec', 'revenueShare', 'metered'], ['spec', 'ipAccess', 'microsoft']];

/** The result with each `/resource_changes/<i>` replaced by the address of entry i: what must not change when entries move. */
function normalised(result: PlanResult, value: Record<string, unknown>): unknown {
  const addresses = (value.resource_changes as { address: string }[]).map((r) => r.address);
  const where = (pointer: string | undefined) => pointer?.replace(/^\/resource_changes\/(\d+)/, (_, i: string) => `<${addresses[Number(i)]}>`);
  return {
    deployments: result.deployments.map((d) => ({ name: d.name, manifest: d.manifest, members: d.members, sensitive: d.sensitive, origins: paths.map((p) => ({ ...d.origin(p), pointer: where(d.origin(p).pointer) })) })),
    problems: result.problems.map((p) => ({ ...p, pointer: where(p.pointer) })),
    notices: result.notices.map((n) => ({ ...n, pointer: where(n.pointer) })),
  };
}

describe('a plan derives the same whatever the order of resource_changes and the indentation', () => {
  const original = combined();
  const baseline = deploymentsFromPlan(original, { file: 'plan.json' });
  const entries = original.resource_changes as unknown[];

  it('the combined plan has deployments and problems to compare', () => {
    expect(baseline.deployments.length).toBeGreaterThan(20);
    expect(new Set(baseline.problems.map((p) => p.code)).size).toBeGreaterThan(5);
  });

  it('shuffling resource_changes and re-indenting change nothing but positions', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), fc.constantFrom(0, 1, 2, 4, '\t'), (shuffled, indent) => {
        const text = JSON.stringify({ ...original, resource_changes: shuffled }, null, indent);
        const moved = JSON.parse(text) as Record<string, unknown>;
        const result = deploymentsFromPlan(moved, { file: 'plan.json' });
        expect(normalised(result, moved)).toEqual(normalised(baseline, original));
        // Positions move with the text, and still land on the same JSON: the key the pointer names.
        const locate = createPointerLocator(text);
        for (const d of result.deployments) {
          const pointer = d.origin(['spec', 'capacity', 'gpus']).pointer;
          if (d.origin(['spec', 'capacity', 'gpus']).file) continue;
          const { line, column } = locate(pointer);
          const last = pointer.slice(pointer.lastIndexOf('/') + 1);
          // A key is located at its name; an element at its value.
          const expected = /^\d+$/.test(last) ? JSON.stringify(valueAt(moved, pointer)) : `"${last}"`;
          expect((text.split('\n')[line - 1] ?? '').slice(column - 1).startsWith(expected), pointer).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
