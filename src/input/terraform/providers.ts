import { where, type FactSource } from './facts.js';
import type { Member } from './members.js';
import { shown } from './problems.js';
import type { Origin, PlanProblem } from './types.js';

/** `spec.provider` from the last segment of `provider_name` (design 3.2). */
const providers: Readonly<Record<string, string>> = {
  azurerm: 'azure',
  azapi: 'azure',
  aws: 'aws',
  google: 'gcp',
  'google-beta': 'gcp',
  oci: 'oracle',
  coreweave: 'coreweave',
};

/**
 * Anything else is `other` (azurestack is operated by the customer, not by Microsoft; vsphere,
 * equinix, ...): the `accord-provider` fact may refine `other`, never a known cloud.
 */
export function providerOf(segment: string): string {
  return Object.hasOwn(providers, segment) ? (providers[segment] as string) : 'other';
}

/** Members share one provider; `accord-provider` may only refine `other`. */
export function deploymentProvider(members: readonly Member[], stated: FactSource | undefined, problems: PlanProblem[]): { value?: string; origin?: Origin } {
  const first = members[0] as Member;
  const value = providerOf(first.resource.provider);
  const origin: Origin = { pointer: `${first.resource.pointer}/provider_name`, resource: first.resource.address };
  const other = members.find((m) => providerOf(m.resource.provider) !== value);
  if (other) {
    problems.push({
      code: 'TF_CONFLICTING_FACTS',
      message: `${other.resource.address} runs on ${providerOf(other.resource.provider)} and ${first.resource.address} on ${value}, but both are in one deployment; one deployment runs on one provider: give them different accord-deployment names`,
      pointer: `${other.resource.pointer}/provider_name`,
      resource: other.resource.address,
    });
  }
  if (!stated) return { value, origin };
  if (value === 'other') return { value: stated.value as string, origin: stated.origin };
  if (stated.value !== value) {
    problems.push({
      code: 'TF_CONFLICTING_FACTS',
      message: `${where(stated)} says provider ${shown(stated.value, stated.sensitive)}, but the resource runs on ${value} (provider_name); accord-provider only names the provider of resources whose Terraform provider accord does not know: remove it`,
      ...stated.origin,
    });
  }
  return { value, origin };
}
