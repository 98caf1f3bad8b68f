import type { Evidence } from '../types.js';
import type { Facts } from './compile.js';
import { resolvePath } from './facts.js';
import type { LoadedRule } from './loaded-rule.js';

/** A rule that fired: for `each` rules, `index` is the offending element. */
export interface Hit {
  rule: LoadedRule;
  index: number | undefined;
  evidence: Evidence[];
  facts: Facts;
}

/** The rules whose compiled conditions hold on `facts`, in rule order (per element, for `each` rules). */
export function compiledHits(rules: readonly LoadedRule[], facts: Facts): Hit[] {
  const hits: Hit[] = [];
  for (const rule of rules) {
    const { compiled } = rule;
    if (compiled.each === undefined) {
      if (compiled.test(facts, undefined)) hits.push({ rule, index: undefined, evidence: compiled.evidence(facts, undefined), facts });
      continue;
    }
    const list = resolvePath(facts, compiled.each);
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const item: unknown = list[index];
      if (!compiled.test(facts, item)) continue;
      // The facts with `item` are made only for an element that fails: the evidence and message read them.
      const withItem = { ...facts, item };
      hits.push({ rule, index, evidence: compiled.evidence(withItem, index), facts: withItem });
    }
  }
  return hits;
}
