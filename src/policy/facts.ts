import deploymentSchema from '../../schemas/deployment.schema.json' with { type: 'json' };
import { parsePath, type PathSegment } from '../path.js';

type JsonSchema = Record<string, unknown>;

/**
 * The facts a rule can name: the deployment's top-level fields, the documented derived facts,
 * and `item` (the current element) in rules with `each`. Their schemas let rules be checked
 * when they load, so a typo in a fact or path is an error rather than a condition that never holds.
 */
export const derivedFactSchemas: Readonly<Record<string, JsonSchema>> = {
  approval: {
    type: 'object',
    properties: {
      status: { enum: ['absent', 'unverified', 'unregistered', 'out-of-scope', 'covers'] },
      reference: { type: 'string' },
      problem: { type: 'string' },
      // Ledger facts: known only once every deployment of the run is read (src/policy/ledger-rules.ts).
      cumulativeGpus: { type: 'integer' },
      cumulativeMegawatts: { type: 'number' },
      maxTotalGpus: { type: 'integer' },
      maxTotalMegawatts: { type: 'number' },
    },
  },
};

const deployment = deploymentSchema as unknown as JsonSchema;

export function factSchema(fact: string, each: string | undefined): JsonSchema | undefined {
  if (fact === 'item') return each === undefined ? undefined : itemSchema(each);
  if (Object.hasOwn(derivedFactSchemas, fact)) return derivedFactSchemas[fact];
  return childSchema(deployment, fact);
}

/** The schema of one element of the array at `each` (e.g. `spec.endpoints`), if it is an array. */
export function itemSchema(each: string): JsonSchema | undefined {
  const array = schemaAt(deployment, parsePath(each));
  const items = array && resolve(array).items;
  return items && typeof items === 'object' ? resolve(items as JsonSchema) : undefined;
}

export function schemaAt(root: JsonSchema, segments: readonly PathSegment[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = root;
  for (const segment of segments) {
    if (!schema) return undefined;
    schema = typeof segment === 'number' ? (resolve(schema).items as JsonSchema | undefined) : childSchema(schema, segment);
  }
  return schema && resolve(schema);
}

function childSchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  const properties = resolve(schema).properties as Record<string, JsonSchema> | undefined;
  if (!properties || !Object.hasOwn(properties, key)) return undefined;
  return resolve(properties[key] as JsonSchema);
}

function resolve(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return schema;
  const definitions = deployment.definitions as Record<string, JsonSchema>;
  return definitions[ref.slice('#/definitions/'.length)] ?? schema;
}

/** `$.a.b` → ['a', 'b']. Rule paths are plain own-property paths (the rule schema enforces the syntax). */
export function jsonPathSegments(path: string | undefined): string[] {
  return path === undefined || path === '$' ? [] : path.slice(2).split('.');
}

/** Reads own properties only: nothing a path names can reach a prototype. */
export function resolvePath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) current = own(current, segment);
  return current;
}

/** One step of resolvePath. */
export function own(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
