import { autoscalerTypes } from './compute-types.js';
import { resolveLink } from './links.js';
import type { PlanIndex } from './plan-index.js';
import { problemAt } from './problems.js';
import type { PlanResource } from './read-changes.js';
import type { PlanProblem } from './types.js';

/**
 * The autoscalers of the plan, by the group they scale. A GCP autoscaler can only scale an
 * instance group, so a changed one whose group cannot be found is a problem: it may raise GPU
 * capacity accord cannot see. An Azure autoscale setting may scale anything (app service plans
 * too), so one that leads to no scale set in the plan is left alone.
 */
export function linkAutoscalers(index: PlanIndex): { byGroup: Map<PlanResource, PlanResource[]>; problems: PlanProblem[] } {
  const byGroup = new Map<PlanResource, PlanResource[]>();
  const problems: PlanProblem[] = [];
  for (const a of index.resources) {
    const spec = autoscalerTypes[a.type];
    if (!spec) continue;
    const link = resolveLink(index, a, spec.target, spec.targets);
    if (link.kind === 'linked') {
      for (const group of link.targets) {
        const list = byGroup.get(group);
        if (list) list.push(a);
        else byGroup.set(group, [a]);
      }
    } else if (a.type.startsWith('google_') && a.action !== 'no-op') {
      const pointer = link.kind === 'unresolved' ? link.pointer : `${a.pointer}/change/after/target`;
      const why = link.kind === 'unresolved' ? link.message : 'it has no target';
      problems.push(problemAt(a, 'TF_UNRESOLVED_REFERENCE', pointer, `${why}, so accord cannot tell which instance group it scales, nor count that group's GPUs; manage the group in the same plan`));
    }
  }
  return { byGroup, problems };
}
