// Random mutations of valid manifests for the robustness properties: drop, rename or retype a
// field, or insert a weird key, anywhere in the document. Keys are set as own properties
// (defineProperty), so a "__proto__" key really is one, as JSON.parse would make it.

import fc from 'fast-check';
import { validDeployment } from '../support/arbitraries.js';

type Container = Record<string, unknown> | unknown[];

/** Keys a hostile or careless author might write. */
export const weirdKeys: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'provder',
  'Provider',
  'spec.provider',
  '$.workload',
  '0',
  '-1',
  '\u0000',
  '\u001b[31mred',
  'line\nbreak',
  'k'.repeat(300),
  '💥',
  '\ud800',
];

/** Values of every JSON type and then some: edge numbers, long and odd strings, empty containers. */
export const weirdValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'azure', 'api', '2027-02-30', '2027-03-01', 'x'.repeat(5000), '\u0000'),
  // Containers are made fresh for every use: a shared {} would be mutated in place by a later
  // mutation (and by later runs), and could even end up holding itself.
  fc.constantFrom('[]', '{}', '[[]]', '{"":""}').map((text) => JSON.parse(text) as unknown),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export type Mutation =
  | { kind: 'drop'; target: number; pick: number }
  | { kind: 'rename'; target: number; pick: number; key: string }
  | { kind: 'retype'; target: number; pick: number; value: unknown }
  | { kind: 'insert'; target: number; key: string; value: unknown };

const keyArb = fc.oneof(fc.constantFrom(...weirdKeys), fc.string({ maxLength: 12 }));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), target: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), target: fc.nat(), pick: fc.nat(), key: keyArb }),
  fc.record({ kind: fc.constant('retype' as const), target: fc.nat(), pick: fc.nat(), value: weirdValues }),
  fc.record({ kind: fc.constant('insert' as const), target: fc.nat(), key: keyArb, value: weirdValues }),
);

function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every object and array in the document, the root first. */
function containers(root: unknown): Container[] {
  const out: Container[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    out.push(value as Container);
    for (const child of Object.values(value)) visit(child);
  };
  visit(root);
  return out;
}

export function applyMutation(root: unknown, mutation: Mutation): unknown {
  const all = containers(root);
  if (all.length === 0) return root;
  const target = all[mutation.target % all.length] as Container;
  const keys = Object.keys(target);
  if (mutation.kind === 'insert') {
    if (Array.isArray(target)) target.push(mutation.value);
    else setOwn(target, mutation.key, mutation.value);
    return root;
  }
  if (keys.length === 0) return root;
  const key = keys[mutation.pick % keys.length] as string;
  if (Array.isArray(target)) {
    const index = Number(key);
    if (mutation.kind === 'drop') target.splice(index, 1);
    else if (mutation.kind === 'retype') target[index] = mutation.value;
    else target.reverse();
    return root;
  }
  const value = target[key];
  if (mutation.kind === 'drop') delete target[key];
  else if (mutation.kind === 'retype') target[key] = mutation.value;
  else {
    delete target[key];
    setOwn(target, mutation.key, value);
  }
  return root;
}

/** A valid deployment with one to three mutations: usually invalid, sometimes still valid. */
export const mutatedDeployment: fc.Arbitrary<unknown> = fc
  .tuple(validDeployment(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  // A clone: fast-check keeps generated values to shrink them, and mutating one in place would compound.
  .map(([deployment, mutations]) => mutations.reduce<unknown>(applyMutation, structuredClone(deployment)));
