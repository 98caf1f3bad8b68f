import { isObject } from './read-changes.js';
import type { PlanNotice, PlanProblem } from './types.js';

const showJson = 'make the JSON with `terraform plan -out plan.out && terraform show -json plan.out > plan.json` and check plan.json';

/**
 * What a parsed JSON value is to accord: a plan (`terraform show -json plan.out`: string
 * `format_version` and `terraform_version`, and `resource_changes` or `planned_values`), other
 * Terraform JSON (a state, from `terraform show -json` without a plan, or a raw .tfstate), or
 * neither (undefined: a manifest, or something the manifest schema will refuse).
 */
export function terraformKind(value: unknown): 'plan' | 'not-a-plan' | undefined {
  if (!isObject(value) || typeof value.terraform_version !== 'string') return undefined;
  if (typeof value.format_version === 'string' && ('resource_changes' in value || 'planned_values' in value)) return 'plan';
  return typeof value.format_version === 'string' || typeof value.version === 'number' ? 'not-a-plan' : undefined;
}

export function isPlan(value: unknown): value is Record<string, unknown> {
  return terraformKind(value) === 'plan';
}

/** `terraform plan -out` writes a zip. */
export function isBinaryPlan(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function binaryPlanProblem(): PlanProblem {
  return { code: 'TF_BINARY_PLAN', message: `this is a binary plan (the zip that \`terraform plan -out\` writes), not its JSON: ${showJson}`, pointer: '' };
}

export function notAPlanProblem(): PlanProblem {
  return { code: 'TF_NOT_A_PLAN', message: `this is Terraform JSON but not a plan (a state has "values" or "resources" and no "resource_changes"): ${showJson}`, pointer: '' };
}

/** Problems that stop the whole plan from being read: an unsupported format, a failed plan. */
export function planProblems(plan: Record<string, unknown>): PlanProblem[] {
  const version = String(plan.format_version);
  const major = /^(\d+)(\.|$)/.exec(version)?.[1];
  if (major !== '0' && major !== '1') {
    return [{ code: 'TF_UNSUPPORTED_FORMAT', message: `format_version "${version.slice(0, 32)}": accord reads plan JSON format 0.x and 1.x; a new major version may change what fields mean, so accord refuses to guess`, pointer: '/format_version' }];
  }
  if (plan.errored === true) {
    return [{ code: 'TF_PLAN_ERRORED', message: 'terraform plan failed (errored: true), so this plan is not what would be applied: fix the errors terraform plan reported and make the plan again', pointer: '/errored' }];
  }
  if ('resource_changes' in plan && !Array.isArray(plan.resource_changes)) {
    return [{ code: 'TF_UNSUPPORTED_FORMAT', message: `resource_changes is not a list: this is not what \`terraform show -json\` writes; ${showJson}`, pointer: '/resource_changes' }];
  }
  return [];
}

export function planNotices(plan: Record<string, unknown>): PlanNotice[] {
  if (plan.complete !== false) return [];
  return [{ code: 'TF_PARTIAL_PLAN', message: 'the plan is partial (complete: false, e.g. made with -target): only the changes in it are checked, which are exactly what it will apply', pointer: '/complete' }];
}
