import { computeTypes } from './compute-types.js';
import { sizeResource } from './gpu-count.js';
import type { Mapping } from './mapping.js';
import type { Member } from './members.js';
import type { PlanIndex } from './plan-index.js';
import type { PlanResource } from './read-changes.js';
import type { Origin } from './types.js';

/**
 * Whether a member brings new capacity (design 3.1): created or replaced; or changed (itself, its
 * template or its autoscaler) to more GPUs than before. A prior size accord cannot count is taken
 * as growth. Undefined when neither it nor what it depends on changes.
 */
function capacityChange(index: PlanIndex, mapping: Mapping, m: Member, autoscalers: ReadonlyMap<PlanResource, PlanResource[]>): { isNew: boolean; origin: Origin } | undefined {
  const r = m.resource;
  const actions = (x: PlanResource): Origin => ({ pointer: `${x.pointer}/change/actions`, resource: x.address });
  if (r.action === 'create' || r.action === 'replace') return { isNew: true, origin: actions(r) };
  const changed = [r, ...m.related].find((x) => x.action !== 'no-op');
  if (!changed) return undefined;
  const type = computeTypes[r.type];
  const before = type ? sizeResource({ index, cloud: m.cloud, skus: mapping.skus, side: 'before' }, r, type, autoscalers.get(r) ?? []).units : undefined;
  return { isNew: before === undefined || m.units === undefined || m.units > before, origin: actions(changed) };
}

/** `new` when a member brings new capacity (design 3.1), else `existing`; the origin is the actions of the change that decided. */
export function capacityKind(index: PlanIndex, mapping: Mapping, members: readonly Member[], autoscalers: ReadonlyMap<PlanResource, PlanResource[]>): { kind: 'new' | 'existing'; origin?: Origin } {
  let existing: Origin | undefined;
  for (const m of members) {
    const change = capacityChange(index, mapping, m, autoscalers);
    if (change?.isNew) return { kind: 'new', origin: change.origin };
    existing ??= change?.origin;
  }
  return { kind: 'existing', ...(existing ? { origin: existing } : {}) };
}
