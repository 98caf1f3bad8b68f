import type { CheckedDeployment, Report } from '../../types.js';
import { packFindings } from './packed-findings.js';
import type { LedgerView, PageModel, RuleText } from './page-model-types.js';
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
    ledger: (report.ledger ?? []).map((entry): LedgerView => ({ ...entry, deployments: entry.deployments.map(({ file: _file, ...rest }) => rest) })),
    waivers: [...(report.waivers ?? [])].sort((a, b) => compare(a.expiresOn, b.expiresOn) || compare(a.rule, b.rule) || compare(a.deployment, b.deployment)),
    rules,
    findings: packFindings(report.findings, (f) => {
      const deployment = byKey.get(key(f.file, f.deployment));
      return { provider: deployment?.provider, workload: deployment?.workload, ruleClause: rulesById.get(f.rule)?.clause };
    }),
    problems: report.problems,
    notices: report.notices,
  };
}

function key(file: string, name: string): string {
  return `${file}\n${name}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
