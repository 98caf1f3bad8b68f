import { compileConditions, type CompiledConditions, type Facts } from './compile.js';
import { compileMessage } from './message.js';
import type { RuleFile } from './rule-types.js';

/** What a loaded rule evaluates with, worked out once from its file. */
export interface CompiledRule extends CompiledConditions {
  /** The rule's message for the facts of a hit. */
  message(facts: Facts): string;
  /** `each` as path segments. */
  each: readonly string[] | undefined;
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
  };
  return { ...rule, compiled, facts: factsOf(rule) };
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
