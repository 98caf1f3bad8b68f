import type { Cloud, Path, PoolSpec } from './compute-types.js';
import { isConfigured } from './configuration.js';
import type { PlanIndex } from './plan-index.js';
import { problemAt, shown, unknownSku, unknownValue, unsizable } from './problems.js';
import { attribute, type PlanResource, type Side } from './read-changes.js';
import { GPU_UNIT, showUnits, skuGpus } from './sku-table.js';
import type { Origin, PlanProblem } from './types.js';

/** GPUs per instance (in 24ths) and the attribute they were read from. */
export interface PerInstance {
  units: number;
  origin: Origin;
  sensitive: boolean;
}

/** A size, the problems that prevent one, or undefined when the resource does not set it here. */
export type Got = PerInstance | { problems: PlanProblem[] } | undefined;

export interface SizingContext {
  index: PlanIndex;
  cloud: Cloud;
  skus: ReadonlyMap<string, number>;
  side: Side;
}

/**
 * GPUs per instance written on the resource itself: its SKU (or the largest of a SKU list or of
 * overrides) and, on GCP, the larger of the machine type's GPUs and the attached ones, never the sum.
 */
export function ownGpus(c: SizingContext, r: PlanResource, pool: PoolSpec, base: Path): Got {
  let own: Got;
  if (pool.sku) own = skuAt(c, r, [...base, ...pool.sku]);
  else if (pool.skuList) own = largest(c, r, [...base, ...pool.skuList], (i) => skuAt(c, r, [...base, ...(pool.skuList as Path), i]));
  else if (pool.overrides) {
    const o = pool.overrides;
    const list = [...base, ...o.list];
    own = largest(c, r, list, (i) => skuAt(c, r, [...list, i, ...o.sku]) ?? requirementsAt(c, r, [...list, i, ...o.requirements]));
  }
  if (own === undefined && pool.requirements) own = requirementsAt(c, r, [...base, ...pool.requirements]);
  return own;
}

export function acceleratorGpus(c: SizingContext, r: PlanResource, path: Path): Got {
  const list = attribute(r, path, c.side);
  if (list.state === 'unknown') return written(c, r, path) ? { problems: [unknownValue(r, list.pointer, path, 'the attached GPUs')] } : undefined;
  if (list.state === 'absent' || !Array.isArray(list.value) || list.value.length === 0) return undefined;
  let total = 0;
  let sensitive = list.sensitive;
  for (let i = 0; i < list.value.length; i++) {
    const count = attribute(r, [...path, i, 'count'], c.side);
    if (count.state === 'unknown') return { problems: [unknownValue(r, count.pointer, [...path, i, 'count'], 'the count of attached GPUs')] };
    if (count.state === 'known') {
      if (!isCount(count.value)) return { problems: [problemAt(r, 'TF_UNKNOWN_VALUE', count.pointer, `the count of attached GPUs is ${shown(count.value, count.sensitive)}, not a whole number`)] };
      total += count.value;
      sensitive ||= count.sensitive;
    }
  }
  return { units: total * GPU_UNIT, origin: { pointer: list.pointer, resource: r.address }, sensitive };
}

/** The larger of two sizes; problems of either win. */
export function larger(a: Got, b: Got): Got {
  if (a && 'problems' in a) return b && 'problems' in b ? { problems: [...a.problems, ...b.problems] } : a;
  if (b && 'problems' in b) return b;
  if (!a) return b;
  if (!b) return a;
  return b.units > a.units ? b : a;
}

function skuAt(c: SizingContext, r: PlanResource, path: Path): Got {
  const a = attribute(r, path, c.side);
  if (a.state === 'unknown') return written(c, r, path) ? { problems: [unknownValue(r, a.pointer, path, 'the size (SKU)')] } : undefined;
  if (a.state === 'absent') return undefined;
  const origin = { pointer: a.pointer, resource: r.address };
  if (typeof a.value !== 'string') return { problems: [unsizable(r, a.pointer, `its size is ${shown(a.value, a.sensitive)}, not a SKU name`)] };
  const found = skuGpus(c.cloud, a.value, c.skus);
  switch (found.kind) {
    case 'gpus':
      return { units: found.units, origin, sensitive: a.sensitive };
    case 'none':
      return { units: 0, origin, sensitive: a.sensitive };
    case 'unknown':
      return { problems: [unknownSku(r, a.pointer, a.value, a.sensitive)] };
    case 'conflict':
      return {
        problems: [
          problemAt(
            r,
            'TF_CONFLICTING_FACTS',
            a.pointer,
            `the mapping file's skus gives ${shown(a.value, a.sensitive)} ${showUnits(found.mapping)} GPUs per instance, accord's table ${showUnits(found.table)}; remove the mapping entry or report the table as wrong`,
          ),
        ],
      };
  }
}

/** The largest size in a list of SKUs; undefined for an empty or unset list. */
function largest(c: SizingContext, r: PlanResource, path: Path, at: (i: number) => Got): Got {
  const list = attribute(r, path, c.side);
  if (list.state === 'unknown') return written(c, r, path) ? { problems: [unknownValue(r, list.pointer, path, 'the list of sizes')] } : undefined;
  if (list.state === 'absent' || !Array.isArray(list.value)) return undefined;
  let best: Got;
  for (let i = 0; i < list.value.length; i++) best = larger(best, at(i));
  return best;
}

/** Attribute-based instance selection (`instance_requirements`) may pick GPU types. */
function requirementsAt(c: SizingContext, r: PlanResource, path: Path): Got {
  const a = attribute(r, path, c.side);
  if (a.state === 'absent' || (a.state === 'known' && Array.isArray(a.value) && a.value.length === 0)) return undefined;
  if (a.state === 'unknown' && !written(c, r, path)) return undefined;
  return { problems: [unsizable(r, a.pointer, 'it chooses instance types by attributes (instance_requirements)')] };
}

/**
 * Whether an unknown attribute was written in the configuration. One that was not is the
 * provider's default (no GPUs); without a configuration to ask, it counts as written.
 */
function written(c: SizingContext, r: PlanResource, path: Path): boolean {
  const config = c.index.configuration.resource(r.modules, r.type, r.name);
  return config === undefined || isConfigured(config.expressions, path);
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
