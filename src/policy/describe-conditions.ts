import { show } from './evidence.js';
import { jsonPathSegments } from './facts.js';
import { operators } from './operators.js';
import type { RuleCondition } from '../types.js';
import { isFactRef, isLeaf, type Condition, type LeafCondition } from './rule-types.js';

/** A rule's conditions in plain words, one line per condition, indented by nesting (`accord rules <id>`). */
export function describeConditions(conditions: RuleCondition, depth = 0): string[] {
  // A loaded rule's conditions passed the rule schema: their values are a Condition's.
  const condition = conditions as Condition;
  const pad = '  '.repeat(depth);
  if (isLeaf(condition)) return [`${pad}- ${describeLeaf(condition)}`];
  if ('all' in condition) return [`${pad}- all of:`, ...condition.all.flatMap((c) => describeConditions(c, depth + 1))];
  if ('any' in condition) return [`${pad}- any of:`, ...condition.any.flatMap((c) => describeConditions(c, depth + 1))];
  return [`${pad}- not:`, ...describeConditions(condition.not, depth + 1)];
}

function describeLeaf(leaf: LeafCondition): string {
  const field = [leaf.fact, ...jsonPathSegments(leaf.path)].join('.');
  if (leaf.operator === 'exists') return `${field} ${leaf.value === true ? 'is present' : 'is absent'}`;
  const value = isFactRef(leaf.value) ? [leaf.value.fact, ...jsonPathSegments(leaf.value.path)].join('.') : show(leaf.value);
  return `${field} ${operators.get(leaf.operator)?.words ?? leaf.operator} ${value}`;
}
