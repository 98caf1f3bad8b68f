import { displayPath } from '../path.js';
import { loadDataFile } from '../input/load-data-file.js';
import type { Limits } from '../input/limits.js';
import { dataValidators } from '../schema/validators.js';
import type { Problem } from '../types.js';
import path from 'node:path';

export interface Approval {
  reference: string;
  grantedOn: string;
  expiresOn?: string;
  providers: string[];
  workloads: string[];
  /** Per deployment: a deployment with more GPUs is not covered. */
  maxGpus?: number;
  /** Across the run: caps on the totals of the deployments the approval covers (the capacity ledger). */
  maxTotalGpus?: number;
  maxTotalMegawatts?: number;
}

export type ApprovalStatus = 'absent' | 'unverified' | 'unregistered' | 'out-of-scope' | 'covers';

/** The derived fact `approval`. */
export interface ApprovalFact {
  status: ApprovalStatus;
  reference: string;
  problem: string;
}

export type ApprovalRegistry = ReadonlyMap<string, Approval>;

export async function loadApprovals(file: string, cwd: string, limits: Limits): Promise<{ registry?: ApprovalRegistry; problems: Problem[] }> {
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(cwd, absolute);
  const loaded = await loadDataFile<{ approvals: Approval[] }>(absolute, shown, {
    code: 'APPROVALS_ERROR',
    validator: (await dataValidators()).approvals,
    limits,
    yaml: !absolute.endsWith('.json'),
  });
  if (!loaded.value) return { problems: loaded.problems };
  const registry = new Map<string, Approval>();
  const problems: Problem[] = [];
  loaded.value.approvals.forEach((approval, i) => {
    if (registry.has(approval.reference)) {
      problems.push({ file: shown, ...loaded.locate(['approvals', i, 'reference']), code: 'APPROVALS_ERROR', message: `duplicate approval reference "${approval.reference}"` });
    } else if (approval.expiresOn !== undefined && approval.expiresOn < approval.grantedOn) {
      problems.push({ file: shown, ...loaded.locate(['approvals', i, 'expiresOn']), code: 'APPROVALS_ERROR', message: `approval "${approval.reference}" expires (${approval.expiresOn}) before it is granted (${approval.grantedOn})` });
    }
    registry.set(approval.reference, approval);
  });
  return problems.length > 0 ? { problems } : { registry, problems };
}

interface ApprovalSubject {
  date: string;
  provider: string;
  workload: string;
  gpus: number;
  reference: string | undefined;
}

/** Whether the cited approval covers the deployment, and if not, every reason why. */
export function deriveApproval(subject: ApprovalSubject, registry: ApprovalRegistry | undefined): ApprovalFact {
  const reference = subject.reference ?? '';
  if (subject.reference === undefined) return { status: 'absent', reference, problem: 'no approval reference' };
  if (!registry) return { status: 'unverified', reference, problem: '' };
  const approval = registry.get(subject.reference);
  if (!approval) return { status: 'unregistered', reference, problem: `approval ${reference} is not in the approvals registry` };
  const reasons: string[] = [];
  if (subject.date < approval.grantedOn) reasons.push(`not granted until ${approval.grantedOn}`);
  if (approval.expiresOn !== undefined && subject.date > approval.expiresOn) reasons.push(`expired on ${approval.expiresOn}`);
  if (!approval.providers.includes(subject.provider)) reasons.push(`does not list provider ${subject.provider} (it covers ${approval.providers.join(', ')})`);
  if (!approval.workloads.includes(subject.workload)) reasons.push(`does not list workload ${subject.workload} (it covers ${approval.workloads.join(', ')})`);
  if (approval.maxGpus !== undefined && subject.gpus > approval.maxGpus) reasons.push(`${subject.gpus} GPUs exceed its maxGpus of ${approval.maxGpus}`);
  if (reasons.length === 0) return { status: 'covers', reference, problem: '' };
  return { status: 'out-of-scope', reference, problem: `approval ${reference}: ${reasons.join('; ')}` };
}
