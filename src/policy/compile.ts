import type { Evidence } from '../types.js';
import { makeEvidence, show } from './evidence.js';
import { factFieldPath } from './fact-path.js';
import { jsonPathSegments, resolvePath } from './facts.js';
import { applyOperator, operators } from './operators.js';
import { isFactRef, isLeaf, type Condition, type RuleFile } from './rule-types.js';

export type Facts = Readonly<Record<string, unknown>>;

/**
 * Whether a rule's conditions hold. `item` is the current element of an `each` rule's array (the
 * fact `item`), passed apart so that testing an element makes no copy of the facts.
 */
export type ConditionTest = (facts: Facts, item: unknown) => boolean;

/** Evaluates a rule's conditions directly, with json-rules-engine's semantics (proved by the differential test). */
export interface CompiledConditions {
  test: ConditionTest;
  /** The conditions that held, in rule order; call only when `test` is true. `facts.item` is the element, for `each` rules. */
  evidence(facts: Facts, index: number | undefined): Evidence[];
}

interface Node {
  test: ConditionTest;
  /** Evaluates every child (json-rules-engine does too) and appends what held. */
  collect(facts: Facts, index: number | undefined, out: Evidence[]): boolean;
}

export function compileConditions(rule: Pick<RuleFile, 'conditions' | 'each'>): CompiledConditions {
  const root = compile(rule.conditions, rule.each);
  return {
    test: root.test,
    evidence(facts, index) {
      const out: Evidence[] = [];
      root.collect(facts, index, out);
      return out;
    },
  };
}

function compile(condition: Condition, each: string | undefined): Node {
  if (isLeaf(condition)) return compileLeaf(condition, each);
  if ('all' in condition) {
    const children = condition.all.map((c) => compile(c, each));
    return {
      test(facts, item) {
        for (const child of children) if (!child.test(facts, item)) return false;
        return true;
      },
      collect(facts, index, out) {
        const mine: Evidence[] = [];
        let held = true;
        for (const child of children) held = child.collect(facts, index, mine) && held;
        if (held) out.push(...mine);
        return held;
      },
    };
  }
  if ('any' in condition) {
    const children = condition.any.map((c) => compile(c, each));
    return {
      test(facts, item) {
        for (const child of children) if (child.test(facts, item)) return true;
        return false;
      },
      collect(facts, index, out) {
        let held = false;
        for (const child of children) {
          const mine: Evidence[] = [];
          if (child.collect(facts, index, mine)) {
            held = true;
            out.push(...mine);
          }
        }
        return held;
      },
    };
  }
  const inner = compile(condition.not, each);
  return {
    test: (facts, item) => !inner.test(facts, item),
    collect: (facts, index) => !inner.collect(facts, index, []),
  };
}

const MAX_CACHED_ELEMENTS = 256;

function compileLeaf(leaf: Extract<Condition, { fact: string }>, each: string | undefined): Node {
  const definition = operators.get(leaf.operator);
  if (!definition) throw new Error(`unknown operator ${leaf.operator}`);
  const segments = jsonPathSegments(leaf.path);
  const fact = leaf.fact;
  const value = leaf.value;
  // What `test` reads: the fact, or the element passed beside the facts.
  const read = (name: string, path: string[]): ((facts: Facts, item: unknown) => unknown) =>
    name === 'item' && each !== undefined ? (_facts, item) => resolvePath(item, path) : (facts) => resolvePath(facts[name], path);
  const actualOf = read(fact, segments);
  const expectedOf: (facts: Facts, item: unknown) => unknown = isFactRef(value) ? read(value.fact, jsonPathSegments(value.path)) : () => value;
  // A rule's own value reads the same in every evidence.
  const expectedText = isFactRef(value) ? undefined : show(value);
  // The field an evidence names is the same for every deployment (per element, for `item`): worked out once.
  const fixedPath = fact === 'item' && each !== undefined ? undefined : factFieldPath(fact, leaf.path, each, undefined);
  const elementPaths: string[] = [];
  const fieldPath = (index: number | undefined): string => {
    if (fixedPath !== undefined) return fixedPath;
    if (index === undefined || index >= MAX_CACHED_ELEMENTS) return factFieldPath(fact, leaf.path, each, index);
    return (elementPaths[index] ??= factFieldPath(fact, leaf.path, each, index));
  };
  return {
    test: (facts, item) => applyOperator(definition, actualOf(facts, item), expectedOf(facts, item)),
    collect(facts, index, out) {
      const actual = actualOf(facts, facts.item);
      const wanted = expectedOf(facts, facts.item);
      const held = applyOperator(definition, actual, wanted);
      if (held) out.push(makeEvidence(fieldPath(index), leaf.operator, actual, wanted, expectedText ?? show(wanted)));
      return held;
    },
  };
}
