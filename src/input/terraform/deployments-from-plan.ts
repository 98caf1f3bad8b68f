import { linkAutoscalers } from './autoscalers.js';
import { computeTypes } from './compute-types.js';
import { deferredChanges } from './deferred.js';
import { notAPlanProblem, planNotices, planProblems, terraformKind } from './detect.js';
import { compare, groupDeployments } from './group.js';
import { Mapping } from './mapping.js';
import { mappingProblems } from './mapping-schema.js';
import { readMember, type Member } from './members.js';
import { PlanIndex } from './plan-index.js';
import type { DeploymentsFromPlanOptions, PlanNotice, PlanProblem, PlanResult } from './types.js';

/**
 * Derives accord deployments from a Terraform plan (`terraform show -json`), as design 3 says:
 * every created, updated, replaced or unchanged compute instance sized in GPUs, grouped by its
 * `accord-deployment` fact, its facts from `accord-*` tags and the mapping file. Pure: reads the
 * plan in place, never throws for bad input, and reports what it cannot derive as problems.
 */
export function deploymentsFromPlan(plan: unknown, options: DeploymentsFromPlanOptions = {}): PlanResult {
  const kind = terraformKind(plan);
  if (kind !== 'plan') {
    const problem = kind === 'not-a-plan' ? notAPlanProblem() : { ...notAPlanProblem(), message: 'this is not a Terraform plan: expected the JSON of `terraform show -json plan.out`' };
    return { deployments: [], problems: [problem], notices: [] };
  }
  const p = plan as Record<string, unknown>;
  const fatal = planProblems(p);
  if (fatal.length > 0) return { deployments: [], problems: fatal, notices: [] };
  const mappingFile = options.mappingFile ?? '<mapping>';
  if (options.mapping !== undefined) {
    const invalid = mappingProblems(options.mapping, mappingFile);
    if (invalid.length > 0) return { deployments: [], problems: invalid, notices: [] };
  }

  const mapping = new Mapping(options.mapping, mappingFile);
  const index = new PlanIndex(p);
  const autoscalers = linkAutoscalers(index);
  const deferred = deferredChanges(p, mapping);
  const members: Member[] = [];
  for (const r of index.resources) {
    const type = computeTypes[r.type];
    if (!type || type.template) continue;
    const member = readMember({ index, mapping, autoscalers: autoscalers.byGroup }, r, type);
    if (member.candidate) members.push(member);
  }
  const timestamp = typeof p.timestamp === 'string' ? /^\d{4}-\d{2}-\d{2}(?=T)/.exec(p.timestamp)?.[0] : undefined;
  const grouped = groupDeployments(
    { index, mapping, autoscalers: autoscalers.byGroup, ...(timestamp ? { planDate: timestamp } : {}), ...(options.file === undefined ? {} : { file: options.file }) },
    members,
    deferred.names,
  );

  const problems = [...index.problems, ...autoscalers.problems, ...deferred.problems, ...grouped.problems].sort(byResource);
  const notices: PlanNotice[] = [...planNotices(p), ...mapping.unused()];
  for (const d of grouped.deployments) {
    for (const path of d.sensitive) {
      notices.push({ code: 'TF_SENSITIVE_FACT', message: `${path} of deployment ${d.name} comes from a value the plan marks sensitive: it is checked, and a finding on it shows it in its message and evidence (keep such reports private)`, ...d.origin(path.split('.')), deployment: d.name });
    }
  }
  if (grouped.deployments.length === 0 && problems.length === 0) {
    notices.push({ code: 'TF_NO_DEPLOYMENTS', message: 'the plan changes no partnership capacity (no GPU compute, no resource with accord-* facts): nothing to check', pointer: '' });
  }
  return { deployments: grouped.deployments, problems, notices };
}

function byResource(a: PlanProblem, b: PlanProblem): number {
  return compare(a.resource ?? '', b.resource ?? '') || compare(a.code, b.code) || compare(a.message, b.message) || compare(a.pointer, b.pointer);
}
