import { autoscalerTypes, type Count, type Path } from './compute-types.js';
import { isCount, type SizingContext } from './instance-gpus.js';
import { problemAt, shown, unknownValue } from './problems.js';
import { attribute, type PlanResource } from './read-changes.js';
import type { PlanProblem } from './types.js';

/** How many instances a pool can run: autoscaling pools count their maximum. */
export type Counted = { n: number; sensitive: boolean } | { problems: PlanProblem[] };

export function poolCount(c: SizingContext, r: PlanResource, count: Count, base: Path, autoscalers: readonly PlanResource[]): Counted {
  if ('one' in count) return { n: 1, sensitive: false };
  if ('attribute' in count) return autoscalers.length > 0 ? autoscaledMaximum(c, autoscalers) : number(c, r, [...base, ...count.attribute], count.absent);
  if ('aks' in count) return aks(c, r, base);
  if ('gke' in count) return gke(c, r, base);
  return times(number(c, r, ['initial_node_count'], 1), zones(c, r, base));
}

function number(c: SizingContext, r: PlanResource, path: Path, absent: number, what = 'the instance count'): Counted {
  const a = attribute(r, path, c.side);
  if (a.state === 'unknown') return { problems: [unknownValue(r, a.pointer, path, what)] };
  if (a.state === 'absent') return { n: absent, sensitive: false };
  if (!isCount(a.value)) return { problems: [problemAt(r, 'TF_UNKNOWN_VALUE', a.pointer, `${what} is ${shown(a.value, a.sensitive)}, not a whole number`)] };
  return { n: a.value, sensitive: a.sensitive };
}

/** AKS: `max_count` when autoscaling is on (`auto_scaling_enabled` in azurerm 4, `enable_auto_scaling` in 3), else `node_count`. */
function aks(c: SizingContext, r: PlanResource, base: Path): Counted {
  for (const flag of ['auto_scaling_enabled', 'enable_auto_scaling']) {
    const on = attribute(r, [...base, flag], c.side);
    if (on.state === 'unknown') return { problems: [unknownValue(r, on.pointer, [...base, flag], 'whether autoscaling is on')] };
    if (on.state === 'known' && on.value === true) return number(c, r, [...base, 'max_count'], 1, 'the autoscaling maximum');
  }
  return number(c, r, [...base, 'node_count'], 1);
}

/**
 * GKE: `total_max_node_count` is a total; `max_node_count` and `node_count` are per zone (Google
 * Container API, NodePoolAutoscaling).
 */
function gke(c: SizingContext, r: PlanResource, base: Path): Counted {
  const autoscaling = attribute(r, [...base, 'autoscaling'], c.side);
  if (autoscaling.state === 'unknown') return { problems: [unknownValue(r, autoscaling.pointer, [...base, 'autoscaling'], 'the autoscaling settings')] };
  if (autoscaling.state === 'known' && Array.isArray(autoscaling.value) && autoscaling.value.length > 0) {
    const total = number(c, r, [...base, 'autoscaling', 0, 'total_max_node_count'], 0, 'the autoscaling maximum');
    if ('problems' in total || total.n > 0) return total;
    return times(number(c, r, [...base, 'autoscaling', 0, 'max_node_count'], 0, 'the autoscaling maximum'), zones(c, r, base));
  }
  const fixed = attribute(r, [...base, 'node_count'], c.side);
  const perZone = fixed.state === 'known' ? number(c, r, [...base, 'node_count'], 1) : number(c, r, [...base, 'initial_node_count'], 1);
  return times(perZone, zones(c, r, base));
}

/** `node_locations` when known; one zone when the location is a zone; a region's zones are not in the plan. */
function zones(c: SizingContext, r: PlanResource, base: Path): Counted {
  for (const path of base.length > 0 ? [[...base, 'node_locations'], ['node_locations']] : [['node_locations']]) {
    const listed = attribute(r, path, c.side);
    if (listed.state === 'known' && Array.isArray(listed.value) && listed.value.length > 0) return { n: listed.value.length, sensitive: listed.sensitive };
  }
  const location = attribute(r, ['location'], c.side);
  if (location.state === 'known' && typeof location.value === 'string' && /-[a-z]$/.test(location.value)) return { n: 1, sensitive: location.sensitive };
  const nodeLocations = attribute(r, [...base, 'node_locations'], c.side);
  const pointer = nodeLocations.state === 'unknown' ? nodeLocations.pointer : location.pointer;
  return {
    problems: [
      problemAt(r, 'TF_UNKNOWN_VALUE', pointer, `the zones of this regional node pool are not known at plan time, and its node counts are per zone; set node_locations, or state the resource's GPUs in the mapping file (resources[].gpus)`),
    ],
  };
}

function autoscaledMaximum(c: SizingContext, autoscalers: readonly PlanResource[]): Counted {
  let best = { n: 0, sensitive: false };
  for (const a of autoscalers) {
    const spec = autoscalerTypes[a.type];
    if (!spec) continue;
    const maxima: Counted[] = [];
    if (spec.each) {
      const list = attribute(a, spec.each, c.side);
      if (list.state === 'unknown') return { problems: [unknownValue(a, list.pointer, spec.each, 'the autoscaling profiles')] };
      const n = list.state === 'known' && Array.isArray(list.value) ? list.value.length : 0;
      for (let i = 0; i < n; i++) maxima.push(number(c, a, [...spec.each, i, ...spec.max], 0, 'the autoscaling maximum'));
    } else maxima.push(number(c, a, spec.max, 0, 'the autoscaling maximum'));
    for (const m of maxima) {
      if ('problems' in m) return m;
      best = { n: Math.max(best.n, m.n), sensitive: best.sensitive || m.sensitive };
    }
  }
  return best;
}

function times(a: Counted, b: Counted): Counted {
  if ('problems' in a) return 'problems' in b ? { problems: [...a.problems, ...b.problems] } : a;
  if ('problems' in b) return b;
  return { n: a.n * b.n, sensitive: a.sensitive || b.sensitive };
}
