// Shared by the property tests (issue 5): one seed per run, from ACCORD_SEED or chosen at random,
// printed so any failure can be replayed with `ACCORD_SEED=<seed> npx vitest run test/properties`.

import { expect } from 'vitest';

function chooseSeed(): number {
  const given = process.env.ACCORD_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 0x7fffffff);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`ACCORD_SEED must be an integer, got "${given}"`);
  return seed;
}

export const seed = chooseSeed();

/** Replays this run: put it in every assertion message (fast-check adds its own seed and path). */
export const replay = `ACCORD_SEED=${seed}`;

console.info(`[accord properties] ${replay} (set it to replay this run)`);

/** fast-check parameters for one property: this run's seed, and the number of runs. */
export function runs(numRuns: number): { seed: number; numRuns: number; endOnFailure: true } {
  return { seed, numRuns, endOnFailure: true };
}

const objectKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayKeys = Object.getOwnPropertyNames(Array.prototype).sort();
const functionKeys = Object.getOwnPropertyNames(Function.prototype).sort();

/** Object.prototype, Array.prototype and Function.prototype have exactly the keys they had when the suite started. */
export function expectNoPollution(context = ''): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), `Object.prototype polluted ${context} (${replay})`).toEqual(objectKeys);
  expect(Object.getOwnPropertyNames(Array.prototype).sort(), `Array.prototype polluted ${context} (${replay})`).toEqual(arrayKeys);
  expect(Object.getOwnPropertyNames(Function.prototype).sort(), `Function.prototype polluted ${context} (${replay})`).toEqual(functionKeys);
}
