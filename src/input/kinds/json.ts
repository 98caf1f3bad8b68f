import type { Limits } from '../../types.js';
import type { LoadEvent } from '../document.js';
import { parseJson } from '../parse-json.js';
import { terraformKind } from '../terraform/detect.js';
import { planEvents } from '../terraform/plan-events.js';
import type { LoadContext, WholeTextKind } from './kind.js';
import { firstLine, isJsonLines, startsLikeJson } from './sniff.js';

/** A JSON file: one deployment, or an array of them. */
export const json: WholeTextKind = {
  name: 'json',
  extensions: ['json'],
  detect(text) {
    const first = firstLine(text);
    return startsLikeJson(first.line) && !isJsonLines(first);
  },
  reads: 'whole',
  mayBeForeign: true,
  cutTextFails: true,
  loader: async () => loadJson,
};

function loadJson(text: string, file: string, limits: Limits, context?: LoadContext): LoadEvent[] {
  const parsed = parseJson(text, file, limits);
  if (parsed.problems.length > 0) return parsed.problems.map((problem) => ({ problem }));
  const { value, locate } = parsed;
  // Terraform JSON whose first key is not format_version (re-serialised with sorted keys): still a plan.
  if (terraformKind(value) !== undefined) return planEvents(value, file, locate, context?.terraformMapping);
  if (!Array.isArray(value)) return [{ document: { file, value, start: locate([]), locate } }];
  if (value.length === 0) return [{ problem: { file, ...locate([]), code: 'NO_DEPLOYMENTS', message: 'empty array: no deployment in this file' } }];
  return value.map((element, index) => ({
    document: { file, value: element, start: locate([index]), locate: (segments) => locate([index, ...segments]) },
  }));
}
