import { formatPath } from '../../path.js';
import { parseReference, type ModuleStep } from './address.js';
import type { Path } from './compute-types.js';
import { references, referencesAt } from './configuration.js';
import type { PlanIndex } from './plan-index.js';
import { attribute, type PlanResource } from './read-changes.js';

export type Link =
  /** Nothing is written at the attribute. */
  | { kind: 'none' }
  | { kind: 'linked'; targets: PlanResource[] }
  /** Something is written there, but it leads to no resource of the wanted types in this plan. */
  | { kind: 'unresolved'; pointer: string; message: string };

const maxHops = 16;

/**
 * Follows the attribute at `path` of `from` to the resources of `types` it names. The attribute
 * is usually unknown at plan time (the template does not exist yet), so its `references` in
 * `configuration` are followed, through module inputs and outputs; a known value is matched
 * against the planned ids. Several instances (a reference without its key) all count.
 */
export function resolveLink(index: PlanIndex, from: PlanResource, path: Path, types: readonly string[]): Link {
  const value = attribute(from, path);
  if (value.state === 'known' && typeof value.value === 'string') {
    const targets = index.byIdentity(value.value).filter((r) => types.includes(r.type));
    if (targets.length > 0) return { kind: 'linked', targets };
  }
  const config = index.configuration.resource(from.modules, from.type, from.name);
  const refs = config ? referencesAt(config.expressions, path) : undefined;
  // Nothing written there: a computed id beside a written name, or no template at all.
  if (refs === undefined && (value.state === 'absent' || config)) return { kind: 'none' };
  const targets = refs ? follow(index, refs, from.modules, types, 0) : [];
  if (targets.length > 0) return { kind: 'linked', targets: [...new Set(targets)] };
  const written = formatPath(path);
  const what = value.state === 'known' && typeof value.value === 'string' && !value.sensitive ? `"${value.value}"` : 'it';
  return {
    kind: 'unresolved',
    pointer: value.pointer,
    message: refs === undefined
      ? `${written} cannot be traced to a ${types.join(' or ')} in this plan (the plan has no configuration for ${from.address})`
      : `${written} names ${what}, which is not a ${types.join(' or ')} created or managed in this plan (an existing one, a data source, or a value passed through a local)`,
  };
}

function follow(index: PlanIndex, refs: readonly string[], modules: readonly ModuleStep[], types: readonly string[], hops: number): PlanResource[] {
  if (hops > maxHops) return [];
  const found: PlanResource[] = [];
  // Terraform lists `aws_launch_template.x[0].id`, `aws_launch_template.x[0]` and `aws_launch_template.x`: the keyed one decides.
  const keyed = new Map<string, string | number | undefined>();
  for (const text of refs) {
    const ref = parseReference(text);
    if (ref.kind === 'resource' && types.includes(ref.type)) {
      const id = `${ref.type}.${ref.name}`;
      if (!keyed.has(id) || ref.key !== undefined) keyed.set(id, ref.key);
    } else if (ref.kind === 'var' && modules.length > 0) {
      const parent = modules.slice(0, -1);
      const call = (modules[modules.length - 1] as ModuleStep).name;
      found.push(...follow(index, references(index.configuration.moduleInput(parent, call, ref.name)), parent, types, hops + 1));
    } else if (ref.kind === 'module' && ref.output !== undefined) {
      const child: ModuleStep[] = [...modules, { name: ref.call, ...(ref.key === undefined ? {} : { key: ref.key }) }];
      found.push(...follow(index, references(index.configuration.moduleOutput(child, ref.output)), child, types, hops + 1));
    }
  }
  for (const [id, key] of keyed) {
    const dot = id.indexOf('.');
    found.push(...index.instances(modules, id.slice(0, dot), id.slice(dot + 1), key));
  }
  return found;
}
