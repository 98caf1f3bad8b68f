import type { Deployment } from '../deployment.js';
import { placeOf, type SourceDocument } from '../input/document.js';
import type { Finding } from '../types.js';
import { deriveApproval, type ApprovalRegistry } from './approvals.js';
import type { Facts } from './compile.js';
import { inWindow } from './dates.js';
import { compiledHits, type Hit } from './hits.js';
import type { LoadedRule } from './loaded-rule.js';

export interface DeploymentResult {
  findings: Finding[];
  /** Ids of the rules evaluated: those whose effective window holds the deployment's date. */
  evaluated: readonly string[];
  /** Ids of the rules skipped because the deployment's date is outside their effective window. */
  skipped: readonly string[];
}

/** What the rules of one deployment are evaluated on: the rules in their window, and the facts. */
export interface Scope {
  active: readonly LoadedRule[];
  evaluated: readonly string[];
  skipped: readonly string[];
  facts: Facts;
}

/** Evaluates the rules on one deployment with their compiled conditions. */
export function evaluateDeployment(document: Pick<SourceDocument, 'file' | 'locate'>, deployment: Deployment, rules: readonly LoadedRule[], registry: ApprovalRegistry | undefined): DeploymentResult {
  const scope = scopeOf(deployment, rules, registry);
  return resultOf(scope, compiledHits(scope.active, scope.facts), document, deployment);
}

export function scopeOf(deployment: Deployment, rules: readonly LoadedRule[], registry: ApprovalRegistry | undefined): Scope {
  const { active, evaluated, skipped, needsApproval } = rulesInWindow(rules, deployment.metadata.date);
  return { active, evaluated, skipped, facts: baseFacts(deployment, needsApproval, registry) };
}

export function resultOf(scope: Scope, hits: readonly Hit[], document: Pick<SourceDocument, 'file' | 'locate'>, deployment: Deployment): DeploymentResult {
  return { findings: hits.map((hit) => toFinding(hit, document, deployment)), evaluated: scope.evaluated, skipped: scope.skipped };
}

function baseFacts(deployment: Deployment, needsApproval: boolean, registry: ApprovalRegistry | undefined): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    apiVersion: deployment.apiVersion,
    kind: deployment.kind,
    metadata: deployment.metadata,
    spec: deployment.spec,
  };
  if (needsApproval) {
    const { metadata, spec } = deployment;
    facts.approval = deriveApproval(
      { date: metadata.date, provider: spec.provider, workload: spec.workload, gpus: spec.capacity.gpus, reference: spec.approval?.reference },
      registry,
    );
  }
  return facts;
}

interface WindowSplit {
  /** The rules to evaluate now: in the window, and not ledger rules. */
  active: readonly LoadedRule[];
  evaluated: readonly string[];
  skipped: readonly string[];
  /** Whether an active rule uses the derived fact `approval`. */
  needsApproval: boolean;
}

/** A rule list's distinct effective windows, and its splits by which of those hold a date. */
interface WindowTable {
  windows: { from?: string; until?: string }[];
  splits: Map<number | string, WindowSplit>;
}

const tables = new WeakMap<readonly LoadedRule[], WindowTable>();

/**
 * The rules whose effective window holds `date`, and the others. Deployments span many dates but
 * few splits (rules share a handful of windows, and most have none), so a date is tested once per
 * distinct window and splits are kept by which windows hold it: a bit mask, or a string of 0s and
 * 1s for more than 31 windows.
 */
function rulesInWindow(rules: readonly LoadedRule[], date: string): WindowSplit {
  let table = tables.get(rules);
  if (!table) tables.set(rules, (table = windowTable(rules)));
  const { windows, splits } = table;
  let key: number | string;
  if (windows.length <= 31) {
    key = 0;
    for (let i = 0; i < windows.length; i++) if (inWindow(date, windows[i])) key |= 1 << i;
  } else key = windows.map((window) => (inWindow(date, window) ? '1' : '0')).join('');
  const known = splits.get(key);
  if (known) return known;
  const inside: LoadedRule[] = [];
  const skipped: LoadedRule[] = [];
  for (const rule of rules) (inWindow(date, rule.effective) ? inside : skipped).push(rule);
  // A ledger rule is evaluated on the ledger once the run is read (ledger-findings.ts), never here.
  const active = inside.filter((rule) => !rule.compiled.ledger);
  const ids = (list: LoadedRule[]) => Object.freeze(list.map((r) => r.id));
  const split = { active: Object.freeze(active), evaluated: ids(inside), skipped: ids(skipped), needsApproval: active.some((r) => r.facts.has('approval')) };
  splits.set(key, split);
  return split;
}

function windowTable(rules: readonly LoadedRule[]): WindowTable {
  const windows = new Map<string, { from?: string; until?: string }>();
  for (const { effective } of rules) {
    if (effective && (effective.from !== undefined || effective.until !== undefined)) windows.set(`${effective.from ?? ''}/${effective.until ?? ''}`, effective);
  }
  return { windows: [...windows.values()], splits: new Map() };
}

function toFinding(hit: Hit, document: Pick<SourceDocument, 'file' | 'locate'>, deployment: Deployment): Finding {
  const { rule, index } = hit;
  const fault = rule.compiled.fault(index, hit.evidence);
  const place = placeOf(document, fault.segments);
  return {
    rule: rule.id,
    severity: rule.severity,
    deployment: deployment.metadata.name,
    file: place.file,
    line: place.line,
    column: place.column,
    path: fault.path,
    ...(place.resource === undefined ? {} : { resource: place.resource }),
    ...(place.pointer === undefined ? {} : { pointer: place.pointer }),
    message: rule.compiled.message(hit.facts),
    evidence: hit.evidence,
    clause: rule.clause,
    remediation: rule.remediation,
    waived: false,
  };
}
