import type { Limits } from '../../types.js';
import type { LoadEvent } from '../document.js';
import { parseJson } from '../parse-json.js';
import { planEvents } from '../terraform/plan-events.js';
import type { LoadContext, WholeTextKind } from './kind.js';
import { startsLikePlan } from './sniff.js';

/**
 * A Terraform plan (`terraform show -json plan.out`): one deployment per group of compute resources
 * it creates or keeps, derived as design 3 of the Terraform input says (src/input/terraform/). A JSON
 * file whose keys come in another order is still a plan: the json kind hands it here once parsed.
 */
export const terraformPlan: WholeTextKind = {
  name: 'terraform-plan',
  extensions: ['json'],
  detect: startsLikePlan,
  reads: 'whole',
  cutTextFails: true,
  loader: async () => loadPlan,
};

function loadPlan(text: string, file: string, limits: Limits, context?: LoadContext): LoadEvent[] {
  const parsed = parseJson(text, file, limits);
  if (parsed.problems.length > 0) return parsed.problems.map((problem) => ({ problem }));
  return planEvents(parsed.value, file, parsed.locate, context?.terraformMapping);
}
