import type { CheckedDeployment, Finding, Report } from '../../types.js';
import type { FindingRow, PageModel, RuleText } from './page-model-types.js';
import { quarterSeries } from './quarters.js';

/** What the page's script needs from the report, and nothing it does not (the deployments are only joined and summed). */
export function pageModel(report: Report): PageModel {
  const deployments = report.deployments ?? [];
  const byKey = new Map<string, CheckedDeployment>();
  for (const d of deployments) if (!byKey.has(key(d.file, d.name))) byKey.set(key(d.file, d.name), d);
  const rules = report.rules.map((r): RuleText => ({ id: r.id, title: r.title, clause: r.clause, remediation: r.remediation }));
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  return {
    asOf: report.asOf,
    listedDeployments: report.deployments ? report.deployments.length : null,
    quarters: quarterSeries(deployments),
    ledger: report.ledger ?? [],
    waivers: [...(report.waivers ?? [])].sort((a, b) => compare(a.expiresOn, b.expiresOn) || compare(a.rule, b.rule) || compare(a.deployment, b.deployment)),
    rules,
    findings: report.findings.map((f) => findingRow(f, byKey.get(key(f.file, f.deployment)), rulesById.get(f.rule))),
    problems: report.problems,
    notices: report.notices,
  };
}

function findingRow(finding: Finding, deployment: CheckedDeployment | undefined, rule: RuleText | undefined): FindingRow {
  const row: FindingRow = {
    rule: finding.rule,
    severity: finding.severity,
    deployment: finding.deployment,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    path: finding.path,
    message: finding.message,
    evidence: finding.evidence.map((e) => e.text),
    waived: finding.waived,
  };
  if (deployment) {
    row.provider = deployment.provider;
    row.workload = deployment.workload;
  }
  if (finding.clause !== rule?.clause) row.clause = finding.clause;
  if (finding.waiver) row.waiver = finding.waiver;
  return row;
}

function key(file: string, name: string): string {
  return `${file}\n${name}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
