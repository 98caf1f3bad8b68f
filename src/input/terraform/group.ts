import { buildDeployment, type ManifestContext } from './manifest.js';
import type { Member } from './members.js';
import type { DerivedDeployment, PlanProblem } from './types.js';

/**
 * Members with the same deployment name form one deployment (design 3.7). A deployment is checked
 * when a member, or a template or autoscaler it depends on, changes; any problem of a member drops
 * the whole deployment, whose GPUs could not be summed, and nothing else.
 */
export function groupDeployments(ctx: ManifestContext, members: readonly Member[], tainted: ReadonlySet<string>): { deployments: DerivedDeployment[]; problems: PlanProblem[] } {
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    // A member given two names is a problem in both deployments.
    for (const name of m.names.length > 1 ? m.names : [m.name]) {
      const group = groups.get(name);
      if (group) group.push(m);
      else groups.set(name, [m]);
    }
  }
  const deployments: DerivedDeployment[] = [];
  const problems = new Map<PlanProblem, string>();
  for (const name of [...groups.keys()].sort()) {
    const group = (groups.get(name) as Member[]).sort((a, b) => compare(a.resource.address, b.resource.address));
    const changed = group.some((m) => m.resource.action !== 'no-op' || m.related.some((r) => r.action !== 'no-op'));
    if (!changed || tainted.has(name)) continue;
    const own = group.flatMap((m) => m.problems);
    if (own.length > 0) {
      for (const p of own) if (!problems.has(p)) problems.set(p, name);
      continue;
    }
    const built = buildDeployment(ctx, name, group);
    if (built.deployment) deployments.push(built.deployment);
    for (const p of built.problems) problems.set(p, name);
  }
  return { deployments, problems: [...problems].map(([p, name]) => ({ ...p, deployment: p.deployment ?? name })) };
}

/** Code-unit order, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
