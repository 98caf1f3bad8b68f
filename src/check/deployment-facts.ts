import type { Deployment } from '../deployment.js';
import type { CheckedDeployment } from '../types.js';

/** What a report says a deployment is, beyond its name and place: what the HTML report's charts (and a ledger) need. */
export type DeploymentFacts = Pick<CheckedDeployment, 'provider' | 'workload' | 'gpus' | 'megawatts' | 'date' | 'approval'>;

/** Built field by field, optional fields only when present, so the JSON report has no `undefined` keys to drop. */
export function deploymentFacts(deployment: Deployment): DeploymentFacts {
  const { spec, metadata } = deployment;
  const facts: DeploymentFacts = { provider: spec.provider, workload: spec.workload, gpus: spec.capacity.gpus, date: metadata.date };
  if (spec.capacity.megawatts !== undefined) facts.megawatts = spec.capacity.megawatts;
  if (spec.approval !== undefined) facts.approval = spec.approval.reference;
  return facts;
}
