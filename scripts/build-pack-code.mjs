// Writes src/policy/generated/bundled-conditions.ts: for each rule of the bundled pack
// (rules/*.json), its conditions as one plain function, so the rules accord ships are evaluated by
// straight-line code V8 can inline rather than by a tree of closures. Rule content goes into the
// file only as JSON literals (property names and values); the structure, the path reads and the
// operators come from this generator, so no rule file can put code in it. At run time a loaded
// rule uses its generated function only when its `each` and `conditions` are exactly those the
// function was made from (conditionsKey in src/policy/hydrate-rule.ts); any other rule, and every
// rule of another pack, is compiled to closures as before. The differential tests hold the
// generated functions to the closures and to json-rules-engine's Engine.run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const rulesDir = new URL('rules/', root);
// The operators of src/policy/operators.ts; an operator the generator does not know fails the build.
const OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'exists', 'dateAfter', 'dateBefore']);
const literal = (value) => JSON.stringify(value);

/** The same string as conditionsKey() in src/policy/hydrate-rule.ts. */
const conditionsKey = (rule) =>
  JSON.stringify({ each: rule.each ?? null, conditions: rule.conditions }, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? { nonFinite: String(value) } : value));

/** A rule's conditions as one expression over `facts` (and `item`, for a rule with `each`). */
function generate(rule, prefix) {
  const constants = [];
  const operatorsUsed = new Set();
  let usesItem = false;
  const read = (fact, path) => {
    if (typeof fact !== 'string') throw new Error(`${rule.id}: a fact must be a string`);
    const isItem = fact === 'item' && rule.each !== undefined;
    usesItem ||= isItem;
    let expression = isItem ? 'item' : `facts[${literal(fact)}]`;
    if (path !== undefined && path !== '$') {
      if (typeof path !== 'string' || !path.startsWith('$.')) throw new Error(`${rule.id}: unexpected path ${literal(path)}`);
      for (const segment of path.slice(2).split('.')) expression = `own(${expression}, ${literal(segment)})`;
    }
    return expression;
  };
  const expressionOf = (condition) => {
    if (Array.isArray(condition.all)) return condition.all.length === 0 ? 'true' : `(${condition.all.map(expressionOf).join(' && ')})`;
    if (Array.isArray(condition.any)) return condition.any.length === 0 ? 'false' : `(${condition.any.map(expressionOf).join(' || ')})`;
    if (condition.not !== undefined && condition.fact === undefined) return `!${expressionOf(condition.not)}`;
    if (!OPERATORS.has(condition.operator)) throw new Error(`${rule.id}: operator ${literal(condition.operator)} has no generated form`);
    operatorsUsed.add(condition.operator);
    const { value } = condition;
    // JSON.stringify would write Infinity (a parsed 1e999) as null: no such value gets generated code.
    if (!finite(value)) throw new Error(`${rule.id}: a number that is not finite has no generated form`);
    let expected;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) expected = read(value.fact, value.path);
    else if (Array.isArray(value)) {
      // Arrays are made once, not on every call.
      expected = `${prefix}${constants.length}`;
      constants.push(`const ${expected} = ${literal(value)};`);
    } else expected = literal(value);
    return `${operatorName(condition.operator)}(${read(condition.fact, condition.path)}, ${expected})`;
  };
  const body = expressionOf(rule.conditions);
  return { body, constants, operatorsUsed, usesItem };
}

const finite = (value) => (typeof value === 'number' ? Number.isFinite(value) : Array.isArray(value) ? value.every(finite) : true);

/** `in` is a reserved word: every operator gets a name of its own. */
const operatorName = (operator) => `op${operator[0].toUpperCase()}${operator.slice(1)}`;

const rules = readdirSync(rulesDir)
  .filter((name) => name.endsWith('.json') && name !== 'pack.json')
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, rulesDir), 'utf8')));
const entries = [];
const declarations = [];
const used = new Set();
for (const rule of rules) {
  // The id goes into a comment: nothing but the characters the rule schema allows.
  if (typeof rule.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(rule.id)) throw new Error(`rule id ${literal(rule.id)} is not kebab-case`);
  const { body, constants, operatorsUsed, usesItem } = generate(rule, `r${entries.length}v`);
  for (const op of operatorsUsed) used.add(op);
  declarations.push(...constants);
  entries.push(`  // ${rule.id}\n  [${literal(conditionsKey(rule))}, (facts, ${usesItem ? 'item' : '_item'}) => ${body}],`);
}
const ops = [...used].sort();
const source = `// Generated by scripts/build-pack-code.mjs from rules/*.json: do not edit.
import type { ConditionTest } from '../compile.js';
import { own } from '../facts.js';
import { operatorTest } from '../operators.js';

${ops.map((op) => `const ${operatorName(op)} = operatorTest(${literal(op)});`).join('\n')}
${declarations.join('\n')}

/** The bundled rules' conditions, by conditionsKey. */
export const bundledConditionTests: ReadonlyMap<string, ConditionTest> = new Map<string, ConditionTest>([
${entries.join('\n')}
]);
`;
const outDir = new URL('src/policy/generated/', root);
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('bundled-conditions.ts', outDir), source);
