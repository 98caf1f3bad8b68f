import type { ModuleStep } from './address.js';
import { isReadType } from './compute-types.js';
import { Configuration } from './configuration.js';
import { isObject, readEntry, type PlanResource } from './read-changes.js';
import type { PlanProblem } from './types.js';

/**
 * The resources of a plan that accord reads (compute types, templates, autoscalers), each a view
 * into its `resource_changes` entry, with lookups for linking templates and groups.
 */
export class PlanIndex {
  readonly resources: PlanResource[] = [];
  readonly problems: PlanProblem[] = [];
  readonly configuration: Configuration;
  private readonly byConfig = new Map<string, PlanResource[]>();
  private identities: Map<string, PlanResource[]> | undefined;

  constructor(plan: Record<string, unknown>) {
    this.configuration = new Configuration(plan.configuration, plan.variables);
    const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
    changes.forEach((entry: unknown, index) => {
      const read = readEntry(entry, index, isReadType);
      if ('malformed' in read) {
        this.problems.push({
          code: 'TF_UNSUPPORTED_FORMAT',
          message: `resource_changes[${index}] ${read.malformed}: this is not what \`terraform show -json\` writes; make the plan again with \`terraform show -json plan.out\``,
          pointer: `/resource_changes/${index}`,
        });
      } else if ('resource' in read) {
        const r = read.resource;
        this.resources.push(r);
        const key = configKey(r.modules, r.type, r.name);
        const list = this.byConfig.get(key);
        if (list) list.push(r);
        else this.byConfig.set(key, [r]);
      }
    });
  }

  /** Instances of the resource `type.name` in module instances matching `modules` (a step without a key matches any key). */
  instances(modules: readonly ModuleStep[], type: string, name: string, key?: string | number): PlanResource[] {
    const list = this.byConfig.get(configKey(modules, type, name)) ?? [];
    return list.filter((r) => (key === undefined || r.key === key) && modules.every((m, i) => m.key === undefined || r.modules[i]?.key === m.key));
  }

  /** Resources whose planned `id`, `self_link` or `name` is `value` (for links that are known at plan time). */
  byIdentity(value: string): PlanResource[] {
    if (!this.identities) {
      this.identities = new Map();
      for (const r of this.resources) {
        const after = r.change.after;
        if (!isObject(after)) continue;
        for (const field of ['id', 'self_link', 'self_link_unique', 'name']) {
          const v = after[field];
          if (typeof v !== 'string' || v === '') continue;
          const id = identity(v);
          const list = this.identities.get(id);
          if (!list) this.identities.set(id, [r]);
          else if (!list.includes(r)) list.push(r);
        }
      }
    }
    return this.identities.get(identity(value)) ?? [];
  }
}

function configKey(modules: readonly ModuleStep[], type: string, name: string): string {
  return `${JSON.stringify(modules.map((m) => m.name))}|${type}.${name}`;
}

/** Google links name templates by full URL or by relative path: compare the path. */
function identity(value: string): string {
  return value.replace(/^https:\/\/(www|compute)\.googleapis\.com\/compute\/(v1|beta)\//, '');
}
