import { formatPath, parsePath, type PathSegment } from '../path.js';
import type { Evidence, RuleInfo } from '../types.js';
import { compileConditions, type CompiledConditions, type Facts } from './compile.js';
import { usesLedgerFacts } from './ledger-rules.js';
import { compileMessage } from './message.js';
import type { RuleFile } from './rule-types.js';

/** What a loaded rule evaluates with, worked out once from its file. */
export interface CompiledRule extends CompiledConditions {
  /** The rule's message for the facts of a hit. */
  message(facts: Facts): string;
  /** `each` as path segments. */
  each: readonly string[] | undefined;
  /** The field a finding points at: `at` (with the element's index for `[*]`), else the element, else the first evidence. */
  fault(index: number | undefined, evidence: readonly Evidence[]): FaultPath;
  /** Whether the rule reads ledger facts: it is then evaluated on the capacity ledger after the whole run is read (ledger-findings.ts). */
  ledger: boolean;
}

export interface FaultPath {
  segments: readonly PathSegment[];
  path: string;
}

/** A rule file that loaded and passed its checks, ready to evaluate. */
export interface LoadedRule extends RuleFile {
  /** Display path of the rule file. */
  file: string;
  /** Absolute path of the rule file. */
  absolutePath: string;
  compiled: CompiledRule;
  /** The facts its conditions and message name. */
  facts: ReadonlySet<string>;
}

export function compileRule(rule: RuleFile & Pick<LoadedRule, 'file' | 'absolutePath'>): LoadedRule {
  const compiled: CompiledRule = {
    ...compileConditions(rule),
    message: compileMessage(rule.message),
    each: rule.each?.split('.'),
    fault: faultPaths(rule),
    ledger: usesLedgerFacts(rule),
  };
  return { ...rule, compiled, facts: factsOf(rule) };
}

/** What a rule is, as the report and `accord rules` show it. */
export function ruleInfo(rule: LoadedRule): RuleInfo {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    clause: rule.clause,
    source: rule.source,
    effective: { ...rule.effective },
    message: rule.message,
    remediation: rule.remediation,
    conditions: rule.conditions,
    ...(rule.each === undefined ? {} : { each: rule.each }),
    ...(rule.at === undefined ? {} : { at: rule.at }),
    file: rule.file,
  };
}

function factsOf(rule: RuleFile): Set<string> {
  const facts = new Set<string>();
  const visit = (c: RuleFile['conditions']): void => {
    if ('fact' in c) {
      facts.add(c.fact);
      if (c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value)) facts.add(c.value.fact);
    } else if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else visit(c.not);
  };
  visit(rule.conditions);
  for (const match of rule.message.matchAll(/\{\{\s*([A-Za-z]+)/g)) facts.add(match[1] as string);
  return facts;
}

const MAX_FAULT_PATHS = 256;

/** A rule's findings point at few fields (its `at`, per element index): each is parsed once, per rule. */
function faultPaths(rule: RuleFile): CompiledRule['fault'] {
  const known = new Map<string, FaultPath>();
  return (index, evidence) => {
    let written: string;
    if (rule.at !== undefined) written = rule.at.replace(/\[\*\]/g, `[${index ?? 0}]`);
    else if (rule.each !== undefined && index !== undefined) written = `${rule.each}[${index}]`;
    else written = evidence[0]?.path ?? '';
    let fault = known.get(written);
    if (!fault) {
      const segments = Object.freeze(parsePath(written));
      fault = { segments, path: formatPath(segments) };
      if (known.size < MAX_FAULT_PATHS) known.set(written, fault);
    }
    return fault;
  };
}
