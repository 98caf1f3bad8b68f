import type { Provider } from '../../deployment.js';
import type { CheckedDeployment } from '../../types.js';
import type { QuarterSeries } from './page-model-types.js';

/** The chart's last quarter: the partnership's terms run through 2030. */
const LAST_YEAR = 2030;

/** The schema's order, so colours and stacking stay put from run to run; a missing provider does not compile. */
const providerOrder: Record<Provider, number> = { azure: 0, oracle: 1, softbank: 2, aws: 3, gcp: 4, coreweave: 5, openai: 6, other: 7 };

/** GPUs going live per quarter by provider, from the first quarter with a deployment through 2030 Q4. */
export function quarterSeries(deployments: readonly CheckedDeployment[]): QuarterSeries {
  const inRange = deployments.filter((d) => yearOf(d.date) <= LAST_YEAR);
  const after2030 = deployments.length - inRange.length;
  if (inRange.length === 0) return { labels: [], providers: [], azureShare: [], after2030 };
  // A loop, not Math.min(...): a spread of a million arguments overflows the stack.
  let first = Infinity;
  for (const d of inRange) first = Math.min(first, quarterIndex(d.date));
  const count = quarterIndex(`${LAST_YEAR}-12-31`) - first + 1;
  const byProvider = new Map<Provider, number[]>();
  const totals = new Array<number>(count).fill(0);
  for (const d of inRange) {
    const at = quarterIndex(d.date) - first;
    let gpus = byProvider.get(d.provider);
    if (!gpus) byProvider.set(d.provider, (gpus = new Array<number>(count).fill(0)));
    gpus[at]! += d.gpus;
    totals[at]! += d.gpus;
  }
  const providers = [...byProvider.entries()].sort(([a], [b]) => providerOrder[a] - providerOrder[b]).map(([provider, gpus]) => ({ provider, gpus }));
  const azure = byProvider.get('azure');
  const azureShare = totals.map((total, i) => (total === 0 ? null : Math.round((1000 * (azure?.[i] ?? 0)) / total) / 10));
  const labels = Array.from({ length: count }, (_, i) => `${Math.floor((first + i) / 4)} Q${((first + i) % 4) + 1}`);
  return { labels, providers, azureShare, after2030 };
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Quarters since year 0: 2027-05-01 is 2027 * 4 + 1. */
function quarterIndex(date: string): number {
  return yearOf(date) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3);
}
