import type { RuleInfo } from '../types.js';

export type JsonScalar = string | number | boolean | null;

export interface FactRef {
  fact: string;
  path?: string;
}

export interface LeafCondition {
  fact: string;
  path?: string;
  operator: string;
  value: JsonScalar | JsonScalar[] | FactRef;
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;

/** A rule file as written (rules/<id>.json), after schema validation. */
export interface RuleFile {
  id: string;
  title: string;
  severity: RuleInfo['severity'];
  clause: string;
  source: string;
  effective?: { from?: string; until?: string };
  message: string;
  remediation: string;
  each?: string;
  at?: string;
  conditions: Condition;
}

export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'fact' in condition;
}

export function isFactRef(value: LeafCondition['value']): value is FactRef {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
