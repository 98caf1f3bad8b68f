import { addressGlob } from './address-glob.js';
import { toPointer } from './json-pointer.js';
import { mappingSkuIndex } from './sku-table.js';
import type { MappingFacts, MappingResource, MappingValue, PlanNotice } from './types.js';

/** The mapping file in use: first-match lookups, and which entries matched nothing. */
export class Mapping {
  readonly skus: Map<string, number>;
  private readonly resources: { entry: MappingResource; glob: RegExp; used: boolean }[];
  private readonly usedDeployments = new Set<string>();

  constructor(private readonly value: MappingValue | undefined, readonly file: string) {
    this.skus = mappingSkuIndex(value?.skus);
    this.resources = (value?.resources ?? []).map((entry) => ({ entry, glob: addressGlob(entry.match), used: false }));
  }

  /** The first `resources[]` entry whose glob matches the address. */
  resource(address: string): { entry: MappingResource; at: (string | number)[] } | undefined {
    const i = this.resources.findIndex((r) => r.glob.test(address));
    const found = this.resources[i];
    if (!found) return undefined;
    found.used = true;
    return { entry: found.entry, at: ['resources', i] };
  }

  /** `deployments.<name>`. */
  deployment(name: string): { entry: MappingFacts; at: string[] } | undefined {
    const deployments = this.value?.deployments;
    if (!deployments || !Object.hasOwn(deployments, name)) return undefined;
    this.usedDeployments.add(name);
    return { entry: deployments[name] as MappingFacts, at: ['deployments', name] };
  }

  /** Entries that matched nothing read from the plan, as unused waivers are reported. */
  unused(): PlanNotice[] {
    const notices: PlanNotice[] = [];
    this.resources.forEach((r, i) => {
      if (!r.used) notices.push({ code: 'TF_MAPPING_UNUSED', message: `mapping resources[${i}] (match ${JSON.stringify(r.entry.match)}) matches no compute resource read from the plan`, pointer: toPointer(['resources', i]), file: this.file });
    });
    for (const name of Object.keys(this.value?.deployments ?? {})) {
      if (!this.usedDeployments.has(name)) notices.push({ code: 'TF_MAPPING_UNUSED', message: `mapping deployments.${name} names no deployment of the plan`, pointer: toPointer(['deployments', name]), file: this.file });
    }
    return notices;
  }
}
