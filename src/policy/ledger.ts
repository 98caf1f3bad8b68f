import type { Deployment } from '../deployment.js';
import { placeOf, type SourceDocument } from '../input/document.js';
import type { LedgerDeployment, LedgerEntry, Problem } from '../types.js';
import { deriveApproval, type Approval, type ApprovalRegistry } from './approvals.js';

/** What the ledger keeps of one deployment an approval covers (never the document). */
export type LedgerRow = Omit<LedgerDeployment, 'cumulativeGpus' | 'cumulativeMegawatts'>;

/** A deployment's place in a ledger: the approval and its row, and a problem when the row cannot be counted in full. */
export interface LedgerPlace {
  approval: string;
  row: LedgerRow;
  problem?: Problem;
}

export type LedgerCaps = Pick<Approval, 'maxTotalGpus' | 'maxTotalMegawatts'>;

/** The approval a deployment cites, when it covers the deployment (the derived fact approval.status is 'covers'). */
export function coveringApproval(deployment: Deployment, registry: ApprovalRegistry): Approval | undefined {
  const { metadata, spec } = deployment;
  const reference = spec.approval?.reference;
  if (reference === undefined) return undefined;
  const fact = deriveApproval({ date: metadata.date, provider: spec.provider, workload: spec.workload, gpus: spec.capacity.gpus, reference }, registry);
  return fact.status === 'covers' ? registry.get(reference) : undefined;
}

/** Whether an approval caps the totals of the deployments it covers: only such an approval has a ledger. */
export function capsTotals(approval: Approval): boolean {
  return approval.maxTotalGpus !== undefined || approval.maxTotalMegawatts !== undefined;
}

/**
 * The deployment's place in the ledger of the approval that covers it, if that approval caps its
 * totals. (An approval without caps has no ledger: a run keeps nothing of its deployments, so a
 * million-line inventory stays in bounded memory.) Without `megawatts` under an approval that caps
 * them, the ledger cannot be computed: that is a problem, never a pass.
 */
export function ledgerPlace(document: Pick<SourceDocument, 'file' | 'locate'>, deployment: Deployment, registry: ApprovalRegistry): LedgerPlace | undefined {
  const cited = deployment.spec.approval && registry.get(deployment.spec.approval.reference);
  if (!cited || !capsTotals(cited)) return undefined;
  const approval = coveringApproval(deployment, registry);
  if (!approval) return undefined;
  const { metadata, spec } = deployment;
  const at = placeOf(document, ['spec', 'approval', 'reference']);
  const row: LedgerRow = { name: metadata.name, file: document.file, line: at.line, column: at.column, date: metadata.date, provider: spec.provider, workload: spec.workload, gpus: spec.capacity.gpus };
  if (spec.capacity.megawatts !== undefined) row.megawatts = spec.capacity.megawatts;
  const place: LedgerPlace = { approval: approval.reference, row };
  if (spec.capacity.megawatts === undefined && approval.maxTotalMegawatts !== undefined) {
    place.problem = {
      file: document.file,
      ...document.locate(['spec', 'capacity', 'megawatts']),
      code: 'LEDGER_ERROR',
      path: 'spec.capacity.megawatts',
      deployment: metadata.name,
      message: `deployment ${metadata.name} cites approval ${approval.reference}, which caps the total megawatts of the deployments it covers (maxTotalMegawatts ${approval.maxTotalMegawatts}), but has no spec.capacity.megawatts: the approval's megawatt total cannot be computed`,
    };
  }
  return place;
}

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Go-live order; name, then place in the input, settle ties so that any order of reading gives one ledger. */
const goLiveOrder = (a: LedgerRow, b: LedgerRow): number =>
  compare(a.date, b.date) || compare(a.name, b.name) || compare(a.file, b.file) || compare(a.line, b.line) || compare(a.column, b.column);

/**
 * The ledger of a run: per approval with a cap (sorted by reference), its rows in go-live order with running
 * totals. A megawatt total is unknown from the first row without `megawatts` on. A pure function
 * of the rows, in whatever order they come, so a merge of shards can compute it again.
 */
export function buildLedger(rows: ReadonlyMap<string, readonly LedgerRow[]>, caps: ReadonlyMap<string, LedgerCaps>): LedgerEntry[] {
  return [...rows.keys()].sort(compare).map((reference) => {
    let gpus = 0;
    let megawatts: number | undefined = 0;
    const deployments = [...(rows.get(reference) as readonly LedgerRow[])].sort(goLiveOrder).map((row): LedgerDeployment => {
      gpus += row.gpus;
      megawatts = megawatts === undefined || row.megawatts === undefined ? undefined : megawatts + row.megawatts;
      // Written out, not spread: a spread of rows of two shapes made objects three times the size.
      const out: LedgerRow & Partial<LedgerDeployment> = { name: row.name, file: row.file, line: row.line, column: row.column, date: row.date, provider: row.provider, workload: row.workload, gpus: row.gpus };
      if (row.megawatts !== undefined) out.megawatts = row.megawatts;
      out.cumulativeGpus = gpus;
      if (megawatts !== undefined) out.cumulativeMegawatts = megawatts;
      return out as LedgerDeployment;
    });
    const cap = caps.get(reference);
    return {
      approval: reference,
      ...(cap?.maxTotalGpus === undefined ? {} : { maxTotalGpus: cap.maxTotalGpus }),
      ...(cap?.maxTotalMegawatts === undefined ? {} : { maxTotalMegawatts: cap.maxTotalMegawatts }),
      deployments,
    };
  });
}

/** The rows and caps of reports' ledgers (shards of one run), for buildLedger: what a merge starts from. */
export function ledgerInputs(ledgers: readonly (readonly LedgerEntry[])[]): { rows: Map<string, LedgerRow[]>; caps: Map<string, LedgerCaps> } {
  const rows = new Map<string, LedgerRow[]>();
  const caps = new Map<string, LedgerCaps>();
  for (const ledger of ledgers) {
    for (const entry of ledger) {
      let list = rows.get(entry.approval);
      if (!list) rows.set(entry.approval, (list = []));
      for (const { cumulativeGpus: _gpus, cumulativeMegawatts: _megawatts, ...row } of entry.deployments) list.push(row);
      caps.set(entry.approval, { maxTotalGpus: entry.maxTotalGpus, maxTotalMegawatts: entry.maxTotalMegawatts });
    }
  }
  return { rows, caps };
}
