import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Deployment } from '../deployment.js';
import type { SourceDocument } from '../input/document.js';
import type { Evidence } from '../types.js';
import type { ApprovalRegistry } from './approvals.js';
import type { Facts } from './compile.js';
import { resultOf, scopeOf, type DeploymentResult } from './evaluate.js';
import { makeEvidence } from './evidence.js';
import { factFieldPath } from './fact-path.js';
import type { Hit } from './hits.js';
import { jsonPathSegments, resolvePath } from './facts.js';
import type { LoadedRule } from './loaded-rule.js';
import { applyOperator, operators } from './operators.js';

interface ConditionResult {
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
  fact?: string;
  path?: string;
  operator?: string;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/**
 * Evaluates one deployment as evaluateDeployment does, with json-rules-engine's Engine.run instead of
 * the compiled conditions; `hits` evaluates given rules on given facts (the capacity ledger's).
 */
export type EngineEvaluator = ((document: Pick<SourceDocument, 'file' | 'locate'>, deployment: Deployment) => Promise<DeploymentResult>) & {
  hits(active: readonly LoadedRule[], facts: Facts): Promise<Hit[]>;
};

/**
 * json-rules-engine's Engine.run, the semantics of record, and the only asynchronous evaluation:
 * `--evaluator json-rules-engine`. One engine per `each` group, each used strictly one run at a
 * time: overlapping runs on one engine silently skip rules (json-rules-engine issues #303 and #360).
 */
export function createEngineEvaluator(rules: readonly LoadedRule[], registry: ApprovalRegistry | undefined): EngineEvaluator {
  const groups = new Map<string | undefined, Engine>();
  for (const rule of rules) {
    let engine = groups.get(rule.each);
    if (!engine) {
      engine = new Engine([], { allowUndefinedFacts: true, pathResolver: (value: unknown, path: string) => resolvePath(value, jsonPathSegments(path)) });
      for (const op of operators.values()) {
        if (op.custom) engine.addOperator(op.name, (a: unknown, b: unknown) => applyOperator(op, a, b));
      }
      groups.set(rule.each, engine);
    }
    engine.addRule({ name: rule.id, conditions: rule.conditions, event: { type: rule.id } } as RuleProperties);
  }
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const byId = new Map(rules.map((r) => [r.id, r]));

  async function run(engine: Engine, facts: Facts, active: ReadonlySet<string>, index: number | undefined, hits: Hit[]): Promise<void> {
    const result = await serial(() => engine.run({ ...facts }));
    for (const ruleResult of result.results) {
      const rule = byId.get(ruleResult.name as string);
      if (!rule || !active.has(rule.id)) continue;
      const evidence: Evidence[] = [];
      collect(ruleResult.conditions as unknown as ConditionResult, rule.each, index, evidence);
      hits.push({ rule, index, evidence, facts });
    }
  }

  async function hits(active: readonly LoadedRule[], facts: Facts): Promise<Hit[]> {
    const ids = new Set(active.map((r) => r.id));
    const found: Hit[] = [];
    for (const [each, engine] of groups) {
      if (each === undefined) {
        await run(engine, facts, ids, undefined, found);
        continue;
      }
      const sample = active.find((r) => r.each === each);
      if (!sample) continue;
      for (const element of eachFacts(sample, facts)) await run(engine, element.facts, ids, element.index, found);
    }
    const order = new Map(active.map((r, i) => [r.id, i]));
    return found.sort((a, b) => (order.get(a.rule.id) as number) - (order.get(b.rule.id) as number) || (a.index ?? 0) - (b.index ?? 0));
  }

  const evaluate = async (document: Pick<SourceDocument, 'file' | 'locate'>, deployment: Deployment): Promise<DeploymentResult> => {
    const scope = scopeOf(deployment, rules, registry);
    return resultOf(scope, await hits(scope.active, scope.facts), document, deployment);
  };
  return Object.assign(evaluate, { hits });
}

function collect(condition: ConditionResult, each: string | undefined, index: number | undefined, out: Evidence[]): boolean {
  if (condition.all) {
    const mine: Evidence[] = [];
    let held = true;
    for (const child of condition.all) held = collect(child, each, index, mine) && held;
    if (held) out.push(...mine);
    return held;
  }
  if (condition.any) {
    let held = false;
    for (const child of condition.any) {
      const mine: Evidence[] = [];
      if (collect(child, each, index, mine)) {
        held = true;
        out.push(...mine);
      }
    }
    return held;
  }
  if (condition.not) return condition.result === true;
  const held = condition.result === true;
  if (held) out.push(makeEvidence(factFieldPath(condition.fact as string, condition.path, each, index), condition.operator as string, condition.factResult, condition.valueResult));
  return held;
}

/** The elements of an `each` rule's array, as facts with `item` set. */
function eachFacts(rule: LoadedRule, facts: Facts): { index: number; facts: Facts }[] {
  const list = resolvePath(facts, rule.compiled.each ?? []);
  if (!Array.isArray(list)) return [];
  return list.map((item, index) => ({ index, facts: { ...facts, item } }));
}
