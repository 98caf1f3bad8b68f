import { formatPath, parsePath, type PathSegment } from '../path.js';
import { factSchema, jsonPathSegments, schemaAt } from './facts.js';
import { ledgerRuleIssues } from './ledger-rules.js';
import { operators, type OperatorDefinition } from './operators.js';
import { isFactRef, isLeaf, type Condition, type FactRef, type RuleFile } from './rule-types.js';

type JsonSchema = Record<string, unknown>;

export interface RuleIssue {
  /** Where in the rule file, e.g. ['conditions', 'all', 1, 'path']. */
  segments: PathSegment[];
  message: string;
}

/**
 * Checks a schema-valid rule against the facts it can see, as a type checker would: unknown
 * facts, paths and operators, values of the wrong kind or outside an enum, and placeholders
 * that cannot be filled are errors when the rule loads, never conditions that silently never hold.
 */
export function checkRule(rule: RuleFile): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const each = rule.each;
  if (each !== undefined) {
    const schema = schemaAt(rootSchemaProxy(), parsePath(each));
    if (!schema || schema.type !== 'array') issues.push({ segments: ['each'], message: `"${each}" is not an array field of the deployment` });
  }
  if (rule.at !== undefined) {
    if (rule.at.includes('[*]') && each === undefined) issues.push({ segments: ['at'], message: '"[*]" in "at" needs "each"' });
    const segments = parsePath(rule.at.replace(/\[\*\]/g, '[0]'));
    if (!schemaAt(rootSchemaProxy(), segments)) issues.push({ segments: ['at'], message: `"${rule.at}" is not a field of the deployment` });
  }
  const window = rule.effective;
  if (window?.from !== undefined && window.until !== undefined && window.from > window.until) {
    issues.push({ segments: ['effective', 'until'], message: `the window ends (${window.until}) before it starts (${window.from}): the rule would never apply` });
  }
  walk(rule.conditions, ['conditions'], each, issues);
  for (const match of rule.message.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    const [fact, ...rest] = (match[1] ?? '').split('.');
    const problem = checkFactPath(fact ?? '', rest, each);
    if (problem) issues.push({ segments: ['message'], message: `placeholder {{${match[1]}}} cannot be filled: ${problem}` });
  }
  issues.push(...ledgerRuleIssues(rule));
  return issues;
}

function walk(condition: Condition, at: PathSegment[], each: string | undefined, issues: RuleIssue[]): void {
  if (!isLeaf(condition)) {
    if ('all' in condition) condition.all.forEach((c, i) => walk(c, [...at, 'all', i], each, issues));
    else if ('any' in condition) condition.any.forEach((c, i) => walk(c, [...at, 'any', i], each, issues));
    else walk(condition.not, [...at, 'not'], each, issues);
    return;
  }
  const operator = operators.get(condition.operator);
  if (!operator) {
    issues.push({ segments: [...at, 'operator'], message: `unknown operator "${condition.operator}" (known: ${[...operators.keys()].join(', ')})` });
  }
  const factProblem = checkFactPath(condition.fact, jsonPathSegments(condition.path), each);
  if (factProblem) {
    // An unknown fact is the fault of the `fact` key; an unknown field of a known fact, of `path`.
    const culprit = condition.path === undefined || !factSchema(condition.fact, each) ? 'fact' : 'path';
    issues.push({ segments: [...at, culprit], message: factProblem });
    return;
  }
  const field = factFieldSchema(condition.fact, condition.path, each) as JsonSchema;
  const value = condition.value;
  if (operator) checkFieldFits(operator, field, condition, [...at, 'path'], issues);
  if (isFactRef(value)) {
    const refProblem = checkFactPath(value.fact, jsonPathSegments(value.path), each);
    if (refProblem) issues.push({ segments: [...at, 'value'], message: refProblem });
    else if (operator) checkReferenceFits(operator, condition, field, value, factFieldSchema(value.fact, value.path, each) as JsonSchema, [...at, 'value'], issues);
    return;
  }
  if (!operator) return;
  const valueAt = [...at, 'value'];
  switch (operator.valueKind) {
    case 'array':
      if (!Array.isArray(value)) issues.push({ segments: valueAt, message: `"${operator.name}" needs an array value (against a string it would match substrings)` });
      break;
    case 'boolean':
      if (typeof value !== 'boolean') issues.push({ segments: valueAt, message: `"${operator.name}" needs true or false` });
      break;
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) issues.push({ segments: valueAt, message: `"${operator.name}" needs a YYYY-MM-DD date or a fact reference` });
      break;
    case 'number':
      if (typeof value !== 'number') issues.push({ segments: valueAt, message: `"${operator.name}" needs a number` });
      break;
    default:
      break;
  }
  const allowed = allowedValues(field);
  if (['equal', 'notEqual', 'in', 'notIn'].includes(operator.name)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (allowed && !allowed.some((a) => a === v)) {
        issues.push({ segments: valueAt, message: `${JSON.stringify(v)} can never be the value of ${describe(condition)} (allowed: ${allowed.map((a) => JSON.stringify(a)).join(', ')})` });
      } else if (!allowed && typeof field.type === 'string' && !hasJsonType(v, field.type)) {
        issues.push({ segments: valueAt, message: `${JSON.stringify(v)} can never be the value of ${describe(condition)}, which is of type ${field.type}` });
      }
    }
  }
}

/** The field a condition reads must suit its operator, whatever the value is (a literal or a fact reference). */
function checkFieldFits(operator: OperatorDefinition, field: JsonSchema, condition: FactRef, at: PathSegment[], issues: RuleIssue[]): void {
  if ((operator.name === 'contains' || operator.name === 'doesNotContain') && field.type !== 'array') {
    issues.push({ segments: at, message: `"${operator.name}" needs an array field, and ${describe(condition)} is not one` });
  }
  if (!fitsKind(operator.valueKind, field)) {
    issues.push({ segments: at, message: `"${operator.name}" compares ${operator.valueKind === 'date' ? 'dates' : 'numbers'}, and ${describe(condition)} is not one: it would never hold` });
  }
}

/** A fact reference must name a field the operator can compare with the condition's own field. */
function checkReferenceFits(operator: OperatorDefinition, condition: FactRef, field: JsonSchema, value: FactRef, ref: JsonSchema, at: PathSegment[], issues: RuleIssue[]): void {
  if (operator.valueKind === 'array') {
    if (ref.type !== 'array') issues.push({ segments: at, message: `"${operator.name}" needs an array value, and ${describe(value)} is not one (against a string it would match substrings)` });
    // No array field is required: where the list is absent, json-rules-engine's operator throws (found by the random-rule property test).
    else issues.push({ segments: at, message: `"${operator.name}" needs a list written in the rule: ${describe(value)} can be absent, and the operator would then fail` });
    return;
  }
  if (!fitsKind(operator.valueKind, ref)) {
    issues.push({ segments: at, message: `"${operator.name}" compares ${operator.valueKind === 'date' ? 'dates' : 'numbers'}, and ${describe(value)} is not one: it would never hold` });
    return;
  }
  const numeric = (t: string | undefined) => t === 'integer' || t === 'number';
  const [fieldType, refType] = [jsonType(field), jsonType(ref)];
  if (['equal', 'notEqual'].includes(operator.name) && fieldType && refType && fieldType !== refType && !(numeric(fieldType) && numeric(refType))) {
    issues.push({ segments: at, message: `${describe(value)} is of type ${refType} and ${describe(condition)} of type ${fieldType}: "${operator.name}" would never see them equal` });
  }
}

/** A field's JSON type, from `type` or from the values of its enum. */
function jsonType(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  const values = allowedValues(schema);
  const kinds = new Set(values?.map((v) => typeof v));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** Date and number operators need a date or numeric field; other operators take any. */
function fitsKind(kind: OperatorDefinition['valueKind'], schema: JsonSchema): boolean {
  if (kind === 'number') return schema.type === 'integer' || schema.type === 'number';
  if (kind === 'date') return schema.format === 'date';
  return true;
}

/** Strict equality never holds across JSON types: `gpus equal "100"` would silently never fire. */
function hasJsonType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number' || type === 'string' || type === 'boolean') return typeof value === type;
  return false;
}

function describe(ref: FactRef): string {
  return formatPath([ref.fact, ...jsonPathSegments(ref.path)]);
}

function checkFactPath(fact: string, segments: readonly string[], each: string | undefined): string | undefined {
  const schema = factSchema(fact, each);
  if (!schema) {
    return fact === 'item' ? 'fact "item" exists only in rules with "each"' : `unknown fact "${fact}" (facts: apiVersion, kind, metadata, spec, approval, and item with "each")`;
  }
  for (let i = 1; i <= segments.length; i++) {
    if (!schemaAt(schema, segments.slice(0, i))) return `"${formatPath([fact, ...segments.slice(0, i)])}" is not a field of the deployment or of fact "${fact}"`;
  }
  return undefined;
}

function factFieldSchema(fact: string, path: string | undefined, each: string | undefined): JsonSchema | undefined {
  const schema = factSchema(fact, each);
  return schema && schemaAt(schema, jsonPathSegments(path));
}

function allowedValues(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  return undefined;
}

/** A schema whose top-level properties are the deployment facts. */
function rootSchemaProxy(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const fact of ['apiVersion', 'kind', 'metadata', 'spec']) properties[fact] = factSchema(fact, undefined) as JsonSchema;
  return { type: 'object', properties };
}
