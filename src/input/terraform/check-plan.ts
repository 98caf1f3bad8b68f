import type { Limits, Position } from '../../types.js';
import type { LoadEvent } from '../document.js';
import { parseJson } from '../parse-json.js';
import { planEvents, type LoadedMapping } from './plan-events.js';

const top: Position = { line: 1, column: 1 };

/**
 * The load events of a plan handed to `policy.checkPlan`: a text is parsed with the guards of any
 * JSON input (its positions then reported), a value is read as it is (every position 1:1). A
 * mapping given as a value replaces the policy's mapping file.
 */
export function checkPlanEvents(plan: unknown, options: { file?: string; mapping?: unknown }, limits: Limits, policyMapping: LoadedMapping | undefined): LoadEvent[] {
  const file = options.file ?? '<plan>';
  const mapping: LoadedMapping | undefined = options.mapping === undefined ? policyMapping : { value: options.mapping, file: '<mapping>', locate: () => top };
  if (typeof plan !== 'string') return planEvents(plan, file, () => top, mapping);
  const parsed = parseJson(plan, file, limits);
  if (parsed.problems.length > 0) return parsed.problems.map((problem) => ({ problem }));
  return planEvents(parsed.value, file, parsed.locate, mapping);
}
