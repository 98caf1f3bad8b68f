import { computeTypes, isReadType } from './compute-types.js';
import type { Mapping } from './mapping.js';
import { nameFromAddress } from './names.js';
import { readEntry } from './read-changes.js';
import { readTags } from './tags.js';
import type { PlanProblem } from './types.js';

/**
 * Compute changes Terraform deferred to a later plan (`deferred_changes`, 1.8+): what they will
 * build is not in this plan, so each is a problem, and the deployment it names cannot be checked whole.
 */
export function deferredChanges(plan: Record<string, unknown>, mapping: Mapping): { problems: PlanProblem[]; names: Set<string> } {
  const problems: PlanProblem[] = [];
  const names = new Set<string>();
  const deferred = Array.isArray(plan.deferred_changes) ? (plan.deferred_changes as unknown[]) : [];
  deferred.forEach((d, k) => {
    const change = typeof d === 'object' && d !== null ? (d as Record<string, unknown>).resource_change : undefined;
    const read = readEntry(change, k, isReadType, `/deferred_changes/${k}/resource_change`);
    if (!('resource' in read)) return;
    const r = read.resource;
    const tagged = readTags(r, computeTypes[r.type]?.tags ?? []).entries.find((e) => e.key === 'accord-deployment' && typeof e.value === 'string');
    const mapped = mapping.resource(r.address)?.entry.deployment;
    const name = (tagged?.value as string | undefined) ?? mapped ?? nameFromAddress(r.address);
    names.add(name);
    problems.push({
      code: 'TF_DEFERRED',
      message: `${r.address}: Terraform deferred this change to a later plan, so what it will build is not in this one and accord cannot check it (or its deployment ${name}); apply the prerequisites, plan again, and check that plan`,
      pointer: `/deferred_changes/${k}`,
      resource: r.address,
      deployment: name,
    });
  });
  return { problems, names };
}
