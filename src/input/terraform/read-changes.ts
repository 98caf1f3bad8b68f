import type { PathSegment } from '../../path.js';
import { moduleSteps, modulePathKey, type ModuleStep } from './address.js';
import { pointerTo } from './json-pointer.js';

/** What a change does to the resource, for the actions accord reads. */
export type ReadAction = 'create' | 'replace' | 'update' | 'no-op';

export interface RawChange {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  after_sensitive?: unknown;
  before_sensitive?: unknown;
}

/** One resource instance of `resource_changes`, read in place (nothing is copied out of the plan). */
export interface PlanResource {
  /** Its position in `resource_changes`. */
  index: number;
  /** `/resource_changes/<index>` */
  pointer: string;
  address: string;
  type: string;
  name: string;
  key?: string | number;
  modules: ModuleStep[];
  /** Identifies the module instance path (see modulePathKey). */
  moduleKey: string;
  /** Last path segment of `provider_name` (`registry.terraform.io/hashicorp/aws` -> `aws`). */
  provider: string;
  action: ReadAction;
  change: RawChange;
}

/**
 * A replace is any list holding both delete and create, in either order; `["create","forget"]`
 * creates. Deletes, forgets and data-source reads are not read ('skip'); undefined: not a list of
 * actions at all.
 */
export function classifyActions(actions: unknown): ReadAction | 'skip' | undefined {
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === 'string')) return undefined;
  if (actions.includes('create')) return actions.includes('delete') ? 'replace' : 'create';
  if (actions.includes('update')) return 'update';
  if (actions.includes('no-op')) return 'no-op';
  return 'skip';
}

export type Entry = { resource: PlanResource } | { skip: true } | { malformed: string };

/** Reads entry `index` of `resource_changes` (or of another list, at `pointer`) when its type is one accord wants. */
export function readEntry(entry: unknown, index: number, wanted: (type: string) => boolean, pointer = `/resource_changes/${index}`): Entry {
  if (!isObject(entry)) return { malformed: 'is not an object' };
  const { type, address, change, mode } = entry;
  if (typeof type !== 'string' || typeof address !== 'string') return { malformed: 'has no string "type" and "address"' };
  if (mode === 'data' || !wanted(type)) return { skip: true };
  if (!isObject(change)) return { malformed: 'has no "change" object' };
  const action = classifyActions(change.actions);
  if (action === undefined) return { malformed: 'has no list of "change.actions"' };
  if (action === 'skip') return { skip: true };
  const modules = moduleSteps(typeof entry.module_address === 'string' ? entry.module_address : undefined);
  if (!modules) return { malformed: `has a "module_address" that is not a module address` };
  const name = typeof entry.name === 'string' ? entry.name : address;
  const key = typeof entry.index === 'string' || typeof entry.index === 'number' ? entry.index : undefined;
  const providerName = typeof entry.provider_name === 'string' ? entry.provider_name : '';
  return {
    resource: {
      index,
      pointer,
      address,
      type,
      name,
      ...(key === undefined ? {} : { key }),
      modules,
      moduleKey: modulePathKey(modules),
      provider: providerName.slice(providerName.lastIndexOf('/') + 1),
      action,
      change: change as unknown as RawChange,
    },
  };
}

export type Side = 'after' | 'before';

export type Attribute =
  | { state: 'known'; value: unknown; pointer: string; sensitive: boolean }
  | { state: 'unknown'; pointer: string }
  | { state: 'absent'; pointer: string };

/**
 * An attribute of the planned object (or of the prior one). Unknown values are absent from
 * `after` and marked `true` in `after_unknown`, so unknown is asked first: an unknown is never
 * read as absent. A `null` value is absent.
 */
export function attribute(resource: PlanResource, path: readonly PathSegment[], side: Side = 'after'): Attribute {
  const change = resource.change;
  if (side === 'after') {
    const unknownAt = trueAt(change.after_unknown, path);
    if (unknownAt !== undefined) return { state: 'unknown', pointer: pointerTo(`${resource.pointer}/change/after_unknown`, ...path.slice(0, unknownAt)) };
  }
  const pointer = pointerTo(`${resource.pointer}/change/${side}`, ...path);
  const value = valueAt(side === 'after' ? change.after : change.before, path);
  if (value === undefined || value === null) return { state: 'absent', pointer };
  const sensitive = trueAt(side === 'after' ? change.after_sensitive : change.before_sensitive, path) !== undefined;
  return { state: 'known', value, pointer, sensitive };
}

/** The part of `after_unknown` at `path`: `true` when all of it is unknown. */
export function unknownTree(resource: PlanResource, path: readonly PathSegment[]): unknown {
  return trueAt(resource.change.after_unknown, path) !== undefined ? true : valueAt(resource.change.after_unknown, path);
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    node = child(node, segment);
    if (node === undefined) return undefined;
  }
  return node;
}

/** How many leading segments of `path` lead to a `true` in a mirror tree (after_unknown, after_sensitive); undefined when none does. */
function trueAt(tree: unknown, path: readonly PathSegment[]): number | undefined {
  let node = tree;
  for (let i = 0; i <= path.length; i++) {
    if (node === true) return i;
    if (i === path.length) return undefined;
    node = child(node, path[i] as PathSegment);
    if (node === undefined) return undefined;
  }
  return undefined;
}

function child(node: unknown, segment: PathSegment): unknown {
  if (Array.isArray(node)) return typeof segment === 'number' ? node[segment] : undefined;
  if (isObject(node) && typeof segment === 'string' && Object.hasOwn(node, segment)) return node[segment];
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
