import { computeTypes, type ComputeType, type Path, type Pools, type PoolSpec } from './compute-types.js';
import { isConfigured } from './configuration.js';
import { acceleratorGpus, larger, ownGpus, type Got, type PerInstance, type SizingContext } from './instance-gpus.js';
import { resolveLink } from './links.js';
import { poolCount } from './pool-count.js';
import { unknownValue, unresolved } from './problems.js';
import { attribute, type PlanResource } from './read-changes.js';
import type { Origin, PlanProblem } from './types.js';

/** The GPUs of one resource instance: every pool's GPUs per instance times its instances. */
export interface Sizing {
  /** In 24ths of a GPU; undefined when a problem prevents counting. */
  units?: number;
  /** The size attribute of the largest pool. */
  origin: Origin;
  sensitive: boolean;
  /** Templates it launches from: they lend their tags, and a change to one changes it. */
  templates: PlanResource[];
  problems: PlanProblem[];
}

export function sizeResource(c: SizingContext, r: PlanResource, type: ComputeType, autoscalers: readonly PlanResource[]): Sizing {
  const sizing: Sizing = { units: 0, origin: { pointer: `${r.pointer}/change/${c.side}`, resource: r.address }, sensitive: false, templates: [], problems: [] };
  let best = -1;
  for (const pools of type.pools) {
    for (const base of poolBases(c, r, pools, sizing)) {
      const per = poolGpus(c, r, pools.pool, base, sizing);
      if (!per || 'problems' in per) {
        if (per) sizing.problems.push(...per.problems);
        continue;
      }
      if (per.units === 0) {
        if (best < 0) {
          best = 0;
          sizing.origin = per.origin;
        }
        continue;
      }
      const counted = poolCount(c, r, pools.pool.count, base, autoscalers);
      if ('problems' in counted) {
        sizing.problems.push(...counted.problems);
        continue;
      }
      const units = per.units * counted.n;
      sizing.units = (sizing.units as number) + units;
      sizing.sensitive ||= per.sensitive || counted.sensitive;
      if (units > best) {
        best = units;
        sizing.origin = per.origin;
      }
    }
  }
  if (sizing.problems.length > 0) delete sizing.units;
  return sizing;
}

/** Where each pool of the resource is (`base`), skipping pools that do not exist. */
function poolBases(c: SizingContext, r: PlanResource, pools: Pools, sizing: Sizing): Path[] {
  const base = pools.base ?? [];
  for (const path of pools.unless ?? []) {
    const a = attribute(r, path, c.side);
    if (a.state === 'known' && (a.value === true || (Array.isArray(a.value) && a.value.length > 0))) return [];
  }
  if (!pools.each) return [base];
  const list = attribute(r, [...base, ...pools.each], c.side);
  if (list.state === 'unknown') {
    const config = c.index.configuration.resource(r.modules, r.type, r.name);
    if (!config || isConfigured(config.expressions, [...base, ...pools.each])) sizing.problems.push(unknownValue(r, list.pointer, [...base, ...pools.each], 'the list of pools'));
    return [];
  }
  const n = list.state === 'known' && Array.isArray(list.value) ? list.value.length : 0;
  return Array.from({ length: n }, (_, i) => [...base, ...(pools.each as Path), i]);
}

/** GPUs per instance of a pool: its own size, else the largest of the templates it launches from. */
function poolGpus(c: SizingContext, r: PlanResource, pool: PoolSpec, base: Path, sizing: Sizing): Got {
  let per = ownGpus(c, r, pool, base);
  const linked = pool.links ? templatesOf(c, r, pool, base) : undefined;
  if (linked) sizing.templates.push(...linked.targets.filter((t) => !sizing.templates.includes(t)));
  if (per === undefined && linked) {
    for (const t of linked.targets) per = larger(per, templateGpus(c, t));
    if (linked.targets.length === 0 && linked.unresolved.length > 0) per = { problems: linked.unresolved };
  }
  if (pool.accelerators) per = larger(per, acceleratorGpus(c, r, [...base, ...pool.accelerators]));
  return per;
}

function templateGpus(c: SizingContext, template: PlanResource): Got {
  const type = computeTypes[template.type];
  const pool = type?.pools[0]?.pool;
  if (!type || !pool) return undefined;
  const own = ownGpus({ ...c, cloud: type.cloud }, template, pool, []);
  const attached = pool.accelerators ? acceleratorGpus(c, template, pool.accelerators) : undefined;
  return larger(own, attached) ?? ({ units: 0, origin: { pointer: `${template.pointer}/change/${c.side}`, resource: template.address }, sensitive: false } satisfies PerInstance);
}

function templatesOf(c: SizingContext, r: PlanResource, pool: PoolSpec, base: Path): { targets: PlanResource[]; unresolved: PlanProblem[] } {
  const targets: PlanResource[] = [];
  const problems: PlanProblem[] = [];
  for (const spec of pool.links ?? []) {
    const paths: Path[] = [];
    if (spec.each) {
      const list = attribute(r, [...base, ...spec.each]);
      const n = list.state === 'known' && Array.isArray(list.value) ? list.value.length : 0;
      for (let i = 0; i < n; i++) paths.push([...base, ...spec.each, i, ...spec.path]);
    } else paths.push([...base, ...spec.path]);
    for (const path of paths) {
      const link = resolveLink(c.index, r, path, spec.types);
      if (link.kind === 'linked') targets.push(...link.targets.filter((t) => !targets.includes(t)));
      else if (link.kind === 'unresolved') problems.push(unresolved(r, link.pointer, link.message));
    }
  }
  return { targets, unresolved: problems };
}
