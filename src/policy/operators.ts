/**
 * The operators a rule may use. The built-ins repeat json-rules-engine's own definitions
 * (engine-default-operators.js, including each fact-value validator) so the compiled evaluator
 * and Engine.run agree; the differential test holds them to it. The custom ones are registered
 * on the engine from this same table.
 */
export interface OperatorDefinition {
  name: string;
  evaluate: (factValue: unknown, jsonValue: unknown) => boolean;
  /** When false for the fact value, the condition is false whatever the operator says. */
  validate?: (factValue: unknown) => boolean;
  /** Expected shape of the rule's `value`, checked when rules load. */
  valueKind: 'any' | 'array' | 'boolean' | 'date' | 'number';
  custom: boolean;
  words: string;
}

const isNumberLike = (factValue: unknown): boolean => Number.parseFloat(factValue as string).toString() !== 'NaN';
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const indexOf = (list: unknown, item: unknown): number => (list as { indexOf(x: unknown): number }).indexOf(item);

const definitions: OperatorDefinition[] = [
  { name: 'equal', evaluate: (a, b) => a === b, valueKind: 'any', custom: false, words: 'is' },
  { name: 'notEqual', evaluate: (a, b) => a !== b, valueKind: 'any', custom: false, words: 'is not' },
  { name: 'in', evaluate: (a, b) => indexOf(b, a) > -1, valueKind: 'array', custom: false, words: 'is one of' },
  { name: 'notIn', evaluate: (a, b) => indexOf(b, a) === -1, valueKind: 'array', custom: false, words: 'is none of' },
  { name: 'contains', evaluate: (a, b) => indexOf(a, b) > -1, validate: Array.isArray, valueKind: 'any', custom: false, words: 'contains' },
  { name: 'doesNotContain', evaluate: (a, b) => indexOf(a, b) === -1, validate: Array.isArray, valueKind: 'any', custom: false, words: 'does not contain' },
  { name: 'lessThan', evaluate: (a, b) => (a as number) < (b as number), validate: isNumberLike, valueKind: 'number', custom: false, words: 'is less than' },
  { name: 'lessThanInclusive', evaluate: (a, b) => (a as number) <= (b as number), validate: isNumberLike, valueKind: 'number', custom: false, words: 'is at most' },
  { name: 'greaterThan', evaluate: (a, b) => (a as number) > (b as number), validate: isNumberLike, valueKind: 'number', custom: false, words: 'is greater than' },
  { name: 'greaterThanInclusive', evaluate: (a, b) => (a as number) >= (b as number), validate: isNumberLike, valueKind: 'number', custom: false, words: 'is at least' },
  { name: 'exists', evaluate: (a, b) => (a !== undefined) === b, valueKind: 'boolean', custom: true, words: 'exists' },
  { name: 'dateAfter', evaluate: (a, b) => isDate(a) && isDate(b) && a > b, valueKind: 'date', custom: true, words: 'is after' },
  { name: 'dateBefore', evaluate: (a, b) => isDate(a) && isDate(b) && a < b, valueKind: 'date', custom: true, words: 'is before' },
];

export const operators: ReadonlyMap<string, OperatorDefinition> = new Map(definitions.map((d) => [d.name, d]));

export function applyOperator(definition: OperatorDefinition, factValue: unknown, jsonValue: unknown): boolean {
  if (definition.validate && !definition.validate(factValue)) return false;
  return definition.evaluate(factValue, jsonValue);
}
