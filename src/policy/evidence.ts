import type { Evidence } from '../types.js';
import { operators } from './operators.js';

/** Describes one condition that held, the same way for both evaluators. */
export function makeEvidence(path: string, operator: string, actual: unknown, expected: unknown, expectedText = show(expected)): Evidence {
  const words = operators.get(operator)?.words ?? operator;
  return { path, actual, operator, expected, text: `${path} is ${show(actual)} (violation when it ${words} ${expectedText})` };
}

export function show(value: unknown): string {
  if (value === undefined) return 'absent';
  return JSON.stringify(value) ?? String(value);
}
