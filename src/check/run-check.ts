import type { Deployment } from '../deployment.js';
import type { LoadEvent } from '../input/document.js';
import type { LoadedSource } from '../input/load-source.js';
import type { Limits } from '../input/limits.js';
import type { ApprovalRegistry } from '../policy/approvals.js';
import { evaluateDeployment, type Evaluator } from '../policy/evaluate.js';
import type { LoadedRule } from '../policy/load-rules.js';
import type { CheckFilesOptions } from '../policy/policy-types.js';
import { waiverNotices, type Waiver } from '../policy/waivers.js';
import { validate } from '../schema/validate.js';
import { validators } from '../schema/validators.js';
import type { Notice, Problem, Report, RuleInfo, RulePackInfo } from '../types.js';
import { toolName, toolVersion } from '../version.js';
import { Collector } from './collector.js';
import { sortFindings, sortProblems } from './sort.js';

export interface CheckContext {
  rules: readonly LoadedRule[];
  ruleInfos: RuleInfo[];
  rulePack: RulePackInfo;
  evaluator: Evaluator;
  registry: ApprovalRegistry | undefined;
  approvalsGiven: boolean;
  waivers: readonly Waiver[];
  asOf: string;
  limits: Limits;
  policyProblems: readonly Problem[];
}

/** Reads each source in turn, validates and evaluates every deployment, and builds the report. */
export async function runCheck(
  context: CheckContext,
  sources: readonly (() => LoadedSource)[],
  findProblems: readonly Problem[],
  options: Pick<CheckFilesOptions, 'includeDeployments' | 'onProgress'>,
): Promise<Report> {
  const collector = new Collector(context.waivers, options.includeDeployments === true);
  collector.problems.push(...context.policyProblems, ...findProblems);
  const canEvaluate = context.rules.length > 0;
  const handle = (event: LoadEvent): void | Promise<void> => {
    if ('problem' in event) {
      collector.problems.push(event.problem);
      return;
    }
    const document = event.document;
    collector.deploymentCount++;
    const issues = validate(validators.deployment, document.value);
    const name = nameOf(document.value);
    if (issues.length > 0) {
      for (const issue of issues) {
        collector.problems.push({
          file: document.file,
          ...document.locate(issue.segments),
          code: 'SCHEMA_ERROR',
          path: issue.path,
          ...(name ? { deployment: name } : {}),
          message: `${issue.path || '(top level)'}: ${issue.message}`,
        });
      }
      return;
    }
    const deployment = document.value as Deployment;
    collector.claimName(deployment.metadata.name, document);
    if (!context.registry && deployment.spec.approval !== undefined) collector.unverifiedApprovals++;
    if (!canEvaluate) return;
    const evaluation = evaluateDeployment(document, deployment, context.rules, context.evaluator, context.registry);
    if (!(evaluation instanceof Promise)) return collector.addResult(document, deployment, evaluation);
    return evaluation.then((result) => collector.addResult(document, deployment, result));
  };

  for (const source of sources) {
    collector.files++;
    const loaded = source();
    const events = loaded instanceof Promise ? await loaded : loaded;
    if (Array.isArray(events)) {
      for (const event of events) await handle(event);
    } else {
      for await (const event of events) {
        const pending = handle(event);
        if (pending) await pending;
        // A long JSONL inventory reports progress as it goes, not only when it ends.
        if (collector.deploymentCount % 10_000 === 0) options.onProgress?.({ files: collector.files - 1, deployments: collector.deploymentCount });
      }
    }
    options.onProgress?.({ files: collector.files, deployments: collector.deploymentCount });
  }
  return buildReport(context, collector, options.includeDeployments === true);
}

function buildReport(context: CheckContext, collector: Collector, includeDeployments: boolean): Report {
  const notices: Notice[] = [];
  if (!context.approvalsGiven && collector.unverifiedApprovals > 0) {
    notices.push({
      code: 'APPROVALS_NOT_VERIFIED',
      message: `approvals were not verified: ${collector.unverifiedApprovals} deployment${collector.unverifiedApprovals === 1 ? ' cites' : 's cite'} an approval reference, but no approvals registry was given (--approvals)`,
    });
  }
  notices.push(...collector.windowNotices());
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
  return report;
}

function nameOf(value: unknown): string | undefined {
  const name = (value as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  return typeof name === 'string' && name.length <= 63 ? name : undefined;
}
