import type { Facts } from './compile.js';
import { eachFacts, type Evaluator, type Hit } from './evaluate.js';
import type { LoadedRule } from './load-rules.js';

/** Runs the rules' compiled conditions: synchronous, no shared state, safe under any concurrency. */
export const compiledEvaluator: Evaluator = {
  hits(rules: readonly LoadedRule[], facts: Facts): Hit[] {
    const hits: Hit[] = [];
    for (const rule of rules) {
      if (rule.each === undefined) {
        if (rule.compiled.test(facts)) hits.push({ rule, index: undefined, evidence: rule.compiled.evidence(facts, undefined), facts });
        continue;
      }
      for (const element of eachFacts(rule, facts)) {
        if (rule.compiled.test(element.facts)) {
          hits.push({ rule, index: element.index, evidence: rule.compiled.evidence(element.facts, element.index), facts: element.facts });
        }
      }
    }
    return hits;
  },
};
