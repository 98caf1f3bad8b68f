import { AccordError } from '../errors.js';
import type { LoadEvent } from '../input/document.js';
import type { FoundFile } from '../input/find-files.js';
import type { LoadContext } from '../input/kinds/kind.js';
import type { Limits } from '../input/limits.js';
import { loadFiles, type FilePart } from '../input/load-source.js';
import type { ApprovalRegistry } from '../policy/approvals.js';
import type { EngineEvaluator } from '../policy/engine-evaluator.js';
import type { Deployment } from '../deployment.js';
import { buildLedger } from '../policy/ledger.js';
import { ledgerFindings, ledgerFindingsWithEngine, ledgerNotices } from '../policy/ledger-findings.js';
import type { LoadedRule } from '../policy/loaded-rule.js';
import { waiverNotices, waiverStatuses, type Waiver } from '../policy/waivers.js';
import type { CheckFilesOptions, CheckResult, LedgerEntry, Notice, Problem, Report, RuleInfo, RulePackInfo } from '../types.js';
import { toolName, toolVersion } from '../version.js';
import { assess, assessWithEngine, type Assessment } from './assess.js';
import { assessSource } from './assess-files.js';
import { Collector } from './collector.js';
import { shardFiles, shardParts } from './shard.js';
import { sortFindings, sortProblems } from './sort.js';

export interface CheckContext {
  rules: readonly LoadedRule[];
  ruleInfos: RuleInfo[];
  rulePack: RulePackInfo;
  engine?: EngineEvaluator;
  registry: ApprovalRegistry | undefined;
  approvalsGiven: boolean;
  waivers: readonly Waiver[];
  asOf: string;
  limits: Limits;
  policyProblems: readonly Problem[];
  /** What loaders read besides the inputs (the Terraform mapping file). */
  load: LoadContext;
}

/** Files found on disk, or one stream (stdin). */
export type CheckInput = { files: readonly FoundFile[] } | { stream: () => AsyncIterable<readonly FilePart[]> };

/** Reads each source, validates and evaluates every deployment, and builds the report. */
export async function runCheck(
  context: CheckContext,
  input: CheckInput,
  findProblems: readonly Problem[],
  options: Pick<CheckFilesOptions, 'includeDeployments' | 'onProgress' | 'shard' | 'discover'>,
): Promise<Report> {
  const { shard } = options;
  if (shard && !('files' in input)) throw new AccordError('INVALID_OPTION', 'shard: a stream (stdin) cannot be split into shards; give files');
  const allFiles = 'files' in input ? input.files : [];
  const files = shard ? shardFiles(allFiles, shard) : allFiles;
  const collector = new Collector(context.waivers, options.includeDeployments === true, context.rules, files.length, shard !== undefined);
  collector.problems.push(...context.policyProblems, ...findProblems);
  const progress = () => options.onProgress?.({ files: collector.files, deployments: collector.deploymentCount });
  const record = (assessment: Assessment) => {
    collector.record(assessment);
    // A long JSONL inventory reports progress as it goes, not only when it ends.
    if (!('problem' in assessment) && collector.deploymentCount % 10_000 === 0) progress();
  };
  const load = () => loadFiles(files, context.limits, { discover: options.discover === true, context: context.load });
  const source = 'files' in input ? (shard ? shardParts(load(), files, shard) : load()) : input.stream();
  await assessSource(source, context, {
    assessment: record,
    skipped: (file, documents) => collector.skip(file, documents),
    fileDone: () => {
      collector.files++;
      progress();
    },
  });
  // What a merge needs: the waivers used before the ledger's findings, which a merge computes again.
  const usedBeforeLedger = shard ? context.waivers.flatMap((w, i) => (collector.usedWaivers.has(w) ? [i] : [])) : [];
  // The second phase: the capacity ledger needs every deployment of the run.
  const ledger = context.registry ? buildLedger(collector.ledgerRows, context.registry) : undefined;
  if (ledger) {
    const found = context.engine ? await ledgerFindingsWithEngine(ledger, context.rules, context.engine) : ledgerFindings(ledger, context.rules);
    for (const finding of found) collector.addFinding(finding);
  }
  const report = buildReport(context, collector, options.includeDeployments === true, ledger);
  if (shard) {
    report.shard = {
      ...shard,
      files: allFiles.map((f) => f.file),
      names: collector.names,
      approvalsGiven: context.approvalsGiven,
      unverifiedApprovals: collector.unverifiedApprovals,
      outOfWindow: collector.windowSkips(),
      skipped: collector.skipped,
      usedWaivers: usedBeforeLedger,
      waiverPlaces: context.waivers.map((w) => w.at),
    };
  }
  return report;
}

const origin = { line: 1, column: 1 };

/**
 * Checks one deployment object (policy.check) through the path of a run: assessed, then recorded
 * by a Collector, which applies the waivers. Throws INVALID_DEPLOYMENT for a manifest failing the schema.
 * One deployment has no capacity ledger: the result's `notices` say so when its approval caps totals.
 */
export async function checkOne(context: CheckContext, value: unknown): Promise<CheckResult> {
  const event: LoadEvent = { document: { file: '<input>', value, start: origin, locate: () => origin } };
  const { engine } = context;
  const assessment = engine ? await assessWithEngine(event, context, engine) : assess(event, context);
  if ('invalid' in assessment) {
    const { issues } = assessment;
    throw new AccordError('INVALID_DEPLOYMENT', `invalid deployment: ${issues.map((i) => `${i.path || '(top level)'} ${i.message}`).join('; ')}`, { issues });
  }
  const collector = new Collector(context.waivers, false, context.rules);
  collector.record(assessment);
  const notices = ledgerNotices(value as Deployment, context.rules, context.registry);
  return Object.defineProperty(collector.findings, 'notices', { value: notices }) as CheckResult;
}

/** The notice of a run that cites approvals without a registry to verify them. */
export function approvalsNotice(unverified: number): Notice {
  return {
    code: 'APPROVALS_NOT_VERIFIED',
    message: `approvals were not verified: ${unverified} deployment${unverified === 1 ? ' cites' : 's cite'} an approval reference, but no approvals registry was given (--approvals)`,
  };
}

function buildReport(context: CheckContext, collector: Collector, includeDeployments: boolean, ledger: LedgerEntry[] | undefined): Report {
  const notices: Notice[] = [...collector.notices];
  if (!context.approvalsGiven && collector.unverifiedApprovals > 0) notices.push(approvalsNotice(collector.unverifiedApprovals));
  notices.push(...collector.windowNotices(), ...collector.skippedNotices());
  notices.push(...waiverNotices(context.waivers, collector.usedWaivers, new Set(context.rules.map((r) => r.id)), context.asOf));
  const report: Report = {
    version: 1,
    tool: { name: toolName, version: toolVersion },
    rulePack: context.rulePack,
    asOf: context.asOf,
    summary: collector.summary(),
    findings: sortFindings(collector.findings),
    problems: sortProblems(collector.problems),
    notices,
    rules: context.ruleInfos,
  };
  if (includeDeployments) report.deployments = collector.deployments;
  if (ledger) report.ledger = ledger;
  if (context.waivers.length > 0) report.waivers = waiverStatuses(context.waivers, collector.usedWaivers, context.asOf);
  return report;
}
