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
