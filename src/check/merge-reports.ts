import { AccordError } from '../errors.js';
import { buildLedger, ledgerInputs } from '../policy/ledger.js';
import { ledgerFindings } from '../policy/ledger-findings.js';
import type { LoadedRule } from '../policy/loaded-rule.js';
import { findWaiver, toWaivers, waiverNotices, waiverRef, waiverStatuses, type Waiver } from '../policy/waivers.js';
import type { CheckedDeployment, Finding, NamePlace, Notice, Problem, Report, RuleInfo, RulePackInfo, ShardState } from '../types.js';
import { duplicateNameProblem, skippedNotice, WINDOW_NAMES, windowNotice } from './collector.js';
import { approvalsNotice } from './run-check.js';
import { sortFindings, sortProblems } from './sort.js';

/** A shard's report: a report with its `shard` part. */
export type ShardReport = Report & { shard: ShardState };

export interface MergePolicy {
  rules: readonly LoadedRule[];
  ruleInfos: RuleInfo[];
  rulePack: RulePackInfo;
}

const fail = (message: string): never => {
  throw new AccordError('INVALID_OPTION', `merge: ${message}`);
};

/**
 * The report one run over every shard's files would have given: findings and problems of every
 * shard, duplicate names across shards, the capacity ledger and its findings built again from the
 * shards' rows, waivers used anywhere, notices as one run would word them. `reports` must be every
 * shard (1..N) of one run: same rule pack, date, tool version and files.
 */
export async function mergeShardReports(reports: readonly ShardReport[], policy: MergePolicy, includeDeployments: boolean): Promise<Report> {
  const first = checkShards(reports, policy.rulePack);
  const order = new Map(first.shard.files.map((file, i) => [file, i]));
  const byPlace = (a: NamePlace, b: NamePlace): number => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) || a.line - b.line || a.column - b.column;

  const ledgerRules = new Set(policy.rules.filter((r) => r.compiled.ledger).map((r) => r.id));
  const waivers = await toWaivers((first.waivers ?? []).map(waiverRef), first.shard.waiverPlaces, first.asOf);
  const used = new Set<Waiver>();
  for (const report of reports) for (const index of report.shard.usedWaivers) used.add(waivers[index] as Waiver);

  const findings: Finding[] = reports.flatMap((r) => r.findings.filter((f) => !ledgerRules.has(f.rule)));
  const ledger = first.ledger && (({ rows, caps }) => buildLedger(rows, caps))(ledgerInputs(reports.map((r) => r.ledger ?? [])));
  if (ledger) {
    for (const finding of ledgerFindings(ledger, policy.rules)) {
      const waiver = findWaiver(waivers, finding.rule, finding.deployment, used);
      findings.push(waiver ? { ...finding, waived: true, waiver: waiverRef(waiver) } : finding);
    }
  }

  const problems = [...sameProblemsOnce(reports), ...duplicateNames(reports.flatMap((r) => r.shard.names).sort(byPlace))];
  const notices: Notice[] = [];
  const unverified = reports.reduce((n, r) => n + r.shard.unverifiedApprovals, 0);
  if (!first.shard.approvalsGiven && unverified > 0) notices.push(approvalsNotice(unverified));
  notices.push(...windowNotices(reports, policy.rules, byPlace));
  notices.push(...skippedNotice(reports.flatMap((r) => r.shard.skipped ?? []).sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1))));
  notices.push(...waiverNotices(waivers, used, new Set(policy.rules.map((r) => r.id)), first.asOf));

  const active = findings.filter((f) => !f.waived);
  const report: Report = {
    version: 1,
    tool: first.tool,
    rulePack: first.rulePack,
    asOf: first.asOf,
    summary: {
      files: reports.reduce((n, r) => n + r.summary.files, 0),
      deployments: reports.reduce((n, r) => n + r.summary.deployments, 0),
      errors: active.filter((f) => f.severity === 'error').length,
      warnings: active.filter((f) => f.severity === 'warning').length,
      infos: active.filter((f) => f.severity === 'info').length,
      waived: findings.length - active.length,
      problems: problems.length,
    },
    findings: sortFindings(findings),
    problems: sortProblems(problems),
    notices,
    rules: policy.ruleInfos,
  };
  if (includeDeployments) report.deployments = mergedDeployments(reports, byPlace);
  if (ledger) report.ledger = ledger;
  if (waivers.length > 0) report.waivers = waiverStatuses(waivers, used, first.asOf);
  return report;
}

/** Refuses reports that are not every shard of one run; returns the first. */
function checkShards(reports: readonly ShardReport[], pack: RulePackInfo): ShardReport {
  if (reports.length === 0) fail('give the JSON reports of the shards');
  const first = reports[0] as ShardReport;
  const { count } = first.shard;
  const seen = new Map<number, number>();
  reports.forEach((report, i) => {
    const name = `report ${i + 1} (shard ${report.shard.index}/${report.shard.count})`;
    if (report.shard.count !== count) fail(`${name} is one of ${report.shard.count} shards, the first report one of ${count}`);
    if (report.rulePack.sha256 !== first.rulePack.sha256) fail(`${name} was checked with another rule pack (sha256 ${report.rulePack.sha256}, the first report ${first.rulePack.sha256})`);
    if (report.asOf !== first.asOf) fail(`${name} was checked as of ${report.asOf}, the first report as of ${first.asOf}`);
    if (report.tool.version !== first.tool.version) fail(`${name} was written by accord ${report.tool.version}, the first report by ${first.tool.version}`);
    if (!sameList(report.shard.files, first.shard.files)) fail(`${name} was run on other files than the first report: shards must be run with the same paths from the same folder`);
    if (!sameList((report.waivers ?? []).map((w) => JSON.stringify(waiverRef(w))), (first.waivers ?? []).map((w) => JSON.stringify(waiverRef(w))))) fail(`${name} was checked with other waivers than the first report`);
    if (report.shard.approvalsGiven !== first.shard.approvalsGiven || (report.ledger === undefined) !== (first.ledger === undefined)) fail(`${name} and the first report differ in whether an approvals registry was given`);
    const twice = seen.get(report.shard.index);
    if (twice !== undefined) fail(`reports ${twice + 1} and ${i + 1} are both shard ${report.shard.index}/${count}`);
    seen.set(report.shard.index, i);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) fail(`shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: a merge needs every shard of the run`);
  if (first.rulePack.sha256 !== pack.sha256) fail(`the reports were checked with rule pack sha256 ${first.rulePack.sha256}, but the rules loaded here hash to ${pack.sha256}: pass the same --rules folders as the check`);
  return first;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The problems of the shards, duplicate names aside. A problem of the policy or of a pattern (a
 * glob matching nothing) is in every shard's report, and one of a JSONL file as a whole in every
 * shard that read it; any other belongs to one shard. So each problem counts as many times as the
 * shard with the most of it has it.
 */
function sameProblemsOnce(reports: readonly ShardReport[]): Problem[] {
  const most = new Map<string, { problem: Problem; count: number }>();
  for (const report of reports) {
    const counts = new Map<string, { problem: Problem; count: number }>();
    for (const problem of report.problems) {
      if (problem.code === 'DUPLICATE_NAME') continue;
      const key = JSON.stringify(problem);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { problem, count: 1 });
    }
    for (const [key, entry] of counts) if ((most.get(key)?.count ?? 0) < entry.count) most.set(key, entry);
  }
  return [...most.values()].flatMap(({ problem, count }) => Array.from({ length: count }, () => problem));
}

/** DUPLICATE_NAME for every deployment whose name an earlier one of the run (in run order) has. */
function duplicateNames(places: readonly NamePlace[]): Problem[] {
  const firstAt = new Map<string, NamePlace>();
  const problems: Problem[] = [];
  for (const place of places) {
    const earlier = firstAt.get(place.name);
    if (!earlier) firstAt.set(place.name, place);
    else problems.push(duplicateNameProblem(place.name, place.file, { line: place.line, column: place.column }, `${earlier.file}:${earlier.line}`));
  }
  return problems;
}

function windowNotices(reports: readonly ShardReport[], rules: readonly LoadedRule[], byPlace: (a: NamePlace, b: NamePlace) => number): Notice[] {
  const skips = new Map<string, { count: number; first: NamePlace[] }>();
  for (const report of reports) {
    for (const skip of report.shard.outOfWindow) {
      const entry = skips.get(skip.rule) ?? { count: 0, first: [] };
      entry.count += skip.count;
      entry.first.push(...skip.first);
      skips.set(skip.rule, entry);
    }
  }
  return [...skips.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([rule, e]) => windowNotice({ rule, count: e.count, first: e.first.sort(byPlace).slice(0, WINDOW_NAMES) }, rules.find((r) => r.id === rule)?.effective ?? {}));
}

function mergedDeployments(reports: readonly ShardReport[], byPlace: (a: NamePlace, b: NamePlace) => number): CheckedDeployment[] {
  return reports
    .flatMap((report) => report.deployments ?? fail(`shard ${report.shard.index}/${report.shard.count} lists no deployments (the report of accord check --shard does)`))
    .sort(byPlace);
}
