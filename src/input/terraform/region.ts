import type { Cloud } from './compute-types.js';
import type { Configuration } from './configuration.js';
import { pointerTo } from './json-pointer.js';
import { attribute, type PlanResource } from './read-changes.js';
import type { Origin } from './types.js';

/**
 * The region a resource runs in, when the plan says: Azure `location`; GCP `region`, `location`
 * or `zone`; AWS and OCI the provider's `region` when it is a constant or a root variable.
 */
export function regionOf(r: PlanResource, cloud: Cloud, configuration: Configuration): { region: string; origin: Origin } | undefined {
  if (cloud === 'azure' || cloud === 'gcp') {
    for (const field of cloud === 'azure' ? ['location'] : ['region', 'location', 'zone']) {
      const a = attribute(r, [field]);
      if (a.state === 'known' && typeof a.value === 'string' && a.value !== '' && !a.sensitive) return { region: a.value, origin: { pointer: a.pointer, resource: r.address } };
    }
    return undefined;
  }
  const key = configuration.resource(r.modules, r.type, r.name)?.provider_config_key;
  const region = configuration.providerRegion(key);
  if (region === undefined || region === '') return undefined;
  return { region, origin: { pointer: pointerTo('/configuration/provider_config', String(key), 'expressions', 'region'), resource: r.address } };
}
