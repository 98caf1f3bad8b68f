import { compileConditions, type CompiledConditions, type Facts } from './compile.js';
import type { LoadedRule } from './load-rules.js';
import { compileMessage } from './message.js';
import type { RuleFile } from './rule-types.js';

// Apart from the rule loader, so that a worker thread, which gets rules already loaded, does not
// load the loader (and the bundled pack's copy behind its digest).

/** A rule as plain data (what a worker thread receives), made ready to evaluate. */
export type PlainRule = Omit<LoadedRule, 'compiled' | 'facts'>;

/** What a loaded rule evaluates with, worked out once from its file. */
export interface CompiledRule extends CompiledConditions {
  /** The rule's message for the facts of a hit. */
  message(facts: Facts): string;
  /** `each` as path segments. */
  each: readonly string[] | undefined;
}

export function hydrateRule(rule: PlainRule): LoadedRule {
  const compiled: CompiledRule = {
    ...compileConditions(rule),
    message: compileMessage(rule.message),
    each: rule.each?.split('.'),
  };
  return { ...rule, compiled, facts: factsOf(rule) };
}

/** The plain data of a loaded rule: no functions, so it can be sent to a worker thread. */
export function plainRule(rule: LoadedRule): PlainRule {
  const { compiled: _compiled, facts: _facts, ...plain } = rule;
  return plain;
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
