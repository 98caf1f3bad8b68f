import path from 'node:path';
import { bundledRulesDir } from './bundled-paths.js';
import { mergeShardReports, type ShardReport } from './check/merge-reports.js';
import { checkOne, runCheck, type CheckContext } from './check/run-check.js';
import { AccordError } from './errors.js';
import { findFiles } from './input/find-files.js';
import { resolveLimits } from './input/limits.js';
import { inputFormats, kindNamed } from './input/kinds/registry.js';
import { loadStream } from './input/load-source.js';
import { loadMapping } from './input/terraform/load-mapping.js';
import { checkPlanEvents } from './input/terraform/check-plan.js';
import { loadApprovals, type ApprovalRegistry } from './policy/approvals.js';
import { todayUtc } from './policy/dates.js';
import { loadRules } from './policy/load-rules.js';
import { ruleInfo } from './policy/loaded-rule.js';
import { loadWaivers, type Waiver } from './policy/waivers.js';
import { date as isCalendarDate } from './schema/formats.cjs';
import type { MergeOptions, Policy, PolicyOptions, Problem, Report } from './types.js';

// The library's facade: it puts input, policy and the run together. Only index.ts imports it.

export async function loadPolicy(options: PolicyOptions = {}): Promise<Policy> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const limits = resolveLimits(options.limits);
  const asOf = options.asOf ?? todayUtc();
  if (!isCalendarDate(asOf)) throw new AccordError('INVALID_OPTION', `asOf must be a real calendar date written YYYY-MM-DD, got "${asOf}"`);
  const ruleDirs = options.rules === undefined ? [bundledRulesDir] : typeof options.rules === 'string' ? [options.rules] : [...options.rules];
  if (ruleDirs.length === 0) throw new AccordError('INVALID_OPTION', 'rules: give at least one rules folder');

  const [loaded, approvals, waivers, mapping] = await Promise.all([
    loadRules(ruleDirs, cwd),
    options.approvals === undefined ? { problems: [] as Problem[] } : loadApprovals(options.approvals, cwd, limits),
    options.waivers === undefined ? { problems: [] as Problem[] } : loadWaivers(options.waivers, cwd, limits, asOf),
    options.terraformMapping === undefined ? { problems: [] as Problem[] } : loadMapping(options.terraformMapping, cwd, limits),
  ]);
  const problems = [...loaded.problems, ...approvals.problems, ...waivers.problems, ...mapping.problems];
  if (problems.length > 0 && !options.keepGoing) {
    const code = loaded.problems.length > 0 ? 'RULES_INVALID' : approvals.problems.length > 0 ? 'APPROVALS_INVALID' : waivers.problems.length > 0 ? 'WAIVERS_INVALID' : 'MAPPING_INVALID';
    const first = problems[0] as Problem;
    throw new AccordError(code, `${first.file}${first.line ? `:${first.line}:${first.column}` : ''}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, { problems });
  }
  const registry: ApprovalRegistry | undefined = 'registry' in approvals ? approvals.registry : undefined;
  const waiverList: Waiver[] = 'waivers' in waivers && waivers.waivers ? waivers.waivers : [];
  const rules = loaded.rules;
  // json-rules-engine (with jsonpath-plus) is loaded only when asked for: every hook run would pay for it.
  const engine = options.evaluator === 'json-rules-engine' ? (await import('./policy/engine-evaluator.js')).createEngineEvaluator(rules, registry) : undefined;
  const context: CheckContext = {
    rules,
    ...(engine ? { engine } : {}),
    registry,
    approvalsGiven: options.approvals !== undefined,
    waivers: waiverList,
    asOf,
    limits,
    rulePack: loaded.pack,
    ruleInfos: rules.map(ruleInfo),
    policyProblems: problems,
    load: 'mapping' in mapping && mapping.mapping ? { terraformMapping: mapping.mapping } : {},
  };

  return {
    rulePack: loaded.pack,
    rules: context.ruleInfos,
    asOf,
    problems,
    async check(value) {
      if (problems.length > 0) throw new AccordError('RULES_INVALID', 'the policy has problems; check() refuses to run on a broken policy', { problems });
      return checkOne(context, value);
    },
    async checkFiles(patterns, checkOptions = {}) {
      const base = path.resolve(cwd, checkOptions.cwd ?? '.');
      const list = typeof patterns === 'string' ? [patterns] : [...patterns];
      if (list.length === 0) throw new AccordError('INVALID_OPTION', 'checkFiles: give at least one path or glob');
      const { shard } = checkOptions;
      if (shard !== undefined && !validShard(shard)) {
        throw new AccordError('INVALID_OPTION', `shard: index and count must be whole numbers with 1 <= index <= count, got ${JSON.stringify(shard)}`);
      }
      const found = await findFiles(list, { cwd: base, exclude: checkOptions.exclude });
      return runCheck(context, { files: found.files }, found.problems, checkOptions);
    },
    async checkPlan(plan, planOptions = {}) {
      const events = checkPlanEvents(plan, planOptions, limits, context.load.terraformMapping);
      const stream = async function* () {
        yield [{ events, fileEnds: true }];
      };
      return runCheck(context, { stream }, [], planOptions);
    },
    async checkStream(stream, streamOptions = {}) {
      const { format } = streamOptions;
      const kind = format === undefined ? undefined : kindNamed(format);
      if (format !== undefined && !kind) throw new AccordError('INVALID_OPTION', `format must be one of ${inputFormats.join(', ')}, got "${String(format)}"`);
      const chunks = (async function* () {
        for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      })();
      const open = () => loadStream(chunks, streamOptions.name ?? '<stdin>', limits, kind, context.load);
      return runCheck(context, { stream: open }, [], streamOptions);
    },
  };
}

function validShard(shard: unknown): boolean {
  if (typeof shard !== 'object' || shard === null) return false;
  const { index, count } = shard as Record<string, unknown>;
  return Number.isSafeInteger(index) && Number.isSafeInteger(count) && (index as number) >= 1 && (index as number) <= (count as number);
}

/**
 * Combines the JSON reports of every shard of one run (`checkFiles` with `shard`) into the report
 * that run would have given unsharded. The rules are loaded again (the bundled pack, or
 * `options.rules`) for the capacity ledger's findings; they must hash to the reports' pack.
 * Throws AccordError INVALID_OPTION for reports that are not every shard of one run.
 */
export async function mergeReports(reports: readonly unknown[], options: MergeOptions = {}): Promise<Report> {
  reports.forEach((report, i) => {
    if (!isShardReport(report)) throw new AccordError('INVALID_OPTION', `merge: report ${i + 1} is not the JSON report (version 1) of a shard (accord check --shard K/N --format json)`);
  });
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const ruleDirs = options.rules === undefined ? [bundledRulesDir] : typeof options.rules === 'string' ? [options.rules] : [...options.rules];
  const loaded = await loadRules(ruleDirs, cwd);
  return mergeShardReports(reports as ShardReport[], { rules: loaded.rules, ruleInfos: loaded.rules.map(ruleInfo), rulePack: loaded.pack }, options.includeDeployments === true);
}

function isShardReport(value: unknown): value is ShardReport {
  const r = value as ShardReport;
  const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(r) || r.version !== 1 || !isObject(r.shard) || !isObject(r.rulePack) || !isObject(r.tool) || !isObject(r.summary) || typeof r.asOf !== 'string') return false;
  const { shard } = r;
  const arrays = [r.findings, r.problems, r.notices, shard.files, shard.names, shard.outOfWindow, shard.usedWaivers, shard.waiverPlaces, r.waivers ?? [], r.ledger ?? [], r.deployments ?? []];
  return arrays.every(Array.isArray) && validShard(shard) && typeof shard.approvalsGiven === 'boolean' && Number.isSafeInteger(shard.unverifiedApprovals);
}
