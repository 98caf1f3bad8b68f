import type { Deployment } from '../deployment.js';
import type { Finding, LedgerDeployment, LedgerEntry, Notice } from '../types.js';
import type { ApprovalRegistry } from './approvals.js';
import type { Facts } from './compile.js';
import { inWindow } from './dates.js';
import type { EngineEvaluator } from './engine-evaluator.js';
import { compiledHits, type Hit } from './hits.js';
import { capsTotals, coveringApproval } from './ledger.js';
import { LEDGER_RULE_AT } from './ledger-rules.js';
import type { LoadedRule } from './loaded-rule.js';

/**
 * The findings of the ledger rules: each is evaluated on every deployment of every ledger whose
 * date is inside its window, with the facts the ledger keeps (all a ledger rule may read: see
 * ledger-rules.ts). Computed from the ledger alone, so a merge of shards' ledgers gives the
 * findings one run would have. Findings come unwaived; the caller applies waivers.
 */
export function ledgerFindings(ledger: readonly LedgerEntry[], rules: readonly LoadedRule[]): Finding[] {
  const findings: Finding[] = [];
  for (const { deployment, active, facts } of ledgerCases(ledger, rules)) for (const hit of compiledHits(active, facts)) findings.push(toFinding(hit, deployment));
  return findings;
}

/** The same with json-rules-engine's Engine.run (`--evaluator json-rules-engine`). */
export async function ledgerFindingsWithEngine(ledger: readonly LedgerEntry[], rules: readonly LoadedRule[], engine: EngineEvaluator): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const { deployment, active, facts } of ledgerCases(ledger, rules)) for (const hit of await engine.hits(active, facts)) findings.push(toFinding(hit, deployment));
  return findings;
}

/** Every deployment of every ledger with the ledger rules whose window holds its date, and its facts. */
function* ledgerCases(ledger: readonly LedgerEntry[], rules: readonly LoadedRule[]): Generator<{ deployment: LedgerDeployment; active: LoadedRule[]; facts: Facts }> {
  const ledgerRules = rules.filter((rule) => rule.compiled.ledger);
  if (ledgerRules.length === 0) return;
  for (const entry of ledger) {
    for (const deployment of entry.deployments) {
      const active = ledgerRules.filter((rule) => inWindow(deployment.date, rule.effective));
      if (active.length > 0) yield { deployment, active, facts: ledgerFacts(entry, deployment) };
    }
  }
}

/** The facts of one deployment of a ledger: the fields a ledger rule may read, and nothing else. */
function ledgerFacts(entry: LedgerEntry, deployment: LedgerDeployment): Facts {
  const capacity: Record<string, number> = { gpus: deployment.gpus };
  if (deployment.megawatts !== undefined) capacity.megawatts = deployment.megawatts;
  const approval: Record<string, unknown> = { status: 'covers', reference: entry.approval, problem: '', cumulativeGpus: deployment.cumulativeGpus };
  if (deployment.cumulativeMegawatts !== undefined) approval.cumulativeMegawatts = deployment.cumulativeMegawatts;
  if (entry.maxTotalGpus !== undefined) approval.maxTotalGpus = entry.maxTotalGpus;
  if (entry.maxTotalMegawatts !== undefined) approval.maxTotalMegawatts = entry.maxTotalMegawatts;
  return {
    metadata: { name: deployment.name, date: deployment.date },
    spec: { provider: deployment.provider, workload: deployment.workload, capacity, approval: { reference: entry.approval } },
    approval,
  };
}

function toFinding(hit: Hit, deployment: LedgerDeployment): Finding {
  const { rule } = hit;
  return {
    rule: rule.id,
    severity: rule.severity,
    deployment: deployment.name,
    file: deployment.file,
    line: deployment.line,
    column: deployment.column,
    path: LEDGER_RULE_AT,
    message: rule.compiled.message(hit.facts),
    evidence: hit.evidence,
    clause: rule.clause,
    remediation: rule.remediation,
    waived: false,
  };
}

/**
 * What `policy.check` says instead of a ledger it does not have: one notice per ledger rule it
 * could not evaluate, when the approval covering the deployment caps its totals.
 */
export function ledgerNotices(deployment: Deployment, rules: readonly LoadedRule[], registry: ApprovalRegistry | undefined): Notice[] {
  const approval = registry && coveringApproval(deployment, registry);
  if (!approval || !capsTotals(approval)) return [];
  const { name, date } = deployment.metadata;
  const caps = [approval.maxTotalGpus !== undefined && `maxTotalGpus ${approval.maxTotalGpus}`, approval.maxTotalMegawatts !== undefined && `maxTotalMegawatts ${approval.maxTotalMegawatts}`].filter(Boolean).join(', ');
  return rules
    .filter((rule) => rule.compiled.ledger && inWindow(date, rule.effective))
    .map((rule) => ({
      code: 'LEDGER_NOT_COMPUTED' as const,
      rule: rule.id,
      deployment: name,
      message: `rule ${rule.id} was not evaluated on ${name}: approval ${approval.reference} caps the totals of the deployments it covers (${caps}), and check() sees one deployment, so it has no capacity ledger; checkFiles or checkStream over every deployment citing the approval computes it`,
    }));
}
