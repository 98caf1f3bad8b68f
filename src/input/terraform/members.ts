import { computeTypes, type Cloud, type ComputeType } from './compute-types.js';
import { NAME } from './fact-keys.js';
import { mappingFactSources, mergeFacts, tagFactSources, type FactSource } from './facts.js';
import { sizeResource } from './gpu-count.js';
import { toPointer } from './json-pointer.js';
import type { Mapping } from './mapping.js';
import { nameFromAddress } from './names.js';
import type { PlanIndex } from './plan-index.js';
import { problemAt } from './problems.js';
import type { PlanResource } from './read-changes.js';
import { GPU_UNIT, showUnits } from './sku-table.js';
import { readTags } from './tags.js';
import type { Origin, PlanProblem } from './types.js';

/** A compute resource instance as a possible member of a deployment. */
export interface Member {
  resource: PlanResource;
  cloud: Cloud;
  /** GPUs in 24ths; undefined when a problem prevents counting them. */
  units?: number;
  gpuOrigin: Origin;
  gpuSensitive: boolean;
  /** Templates and autoscalers it depends on: a change to one changes it. */
  related: PlanResource[];
  /** Its tag map, where an absent fact would be written. */
  tagMap: Origin;
  /** Facts other than the deployment name, in source order: its tags, its templates' tags, its mapping entry. */
  facts: FactSource[];
  name: string;
  nameOrigin: Origin;
  /** Every deployment name stated for it: more than one is a conflict that concerns each. */
  names: string[];
  problems: PlanProblem[];
  /** GPU capacity (or capacity accord cannot size), or a resource that carries accord facts. */
  candidate: boolean;
}

export interface MemberContext {
  index: PlanIndex;
  mapping: Mapping;
  autoscalers: ReadonlyMap<PlanResource, PlanResource[]>;
}

export function readMember(ctx: MemberContext, r: PlanResource, type: ComputeType): Member {
  const autoscalers = ctx.autoscalers.get(r) ?? [];
  const sizing = sizeResource({ index: ctx.index, cloud: type.cloud, skus: ctx.mapping.skus, side: 'after' }, r, type, autoscalers);
  const own = readTags(r, type.tags);
  const entries = [...own.entries];
  let unknownMap = own.unknownMap;
  for (const t of sizing.templates) {
    const read = readTags(t, computeTypes[t.type]?.tags ?? []);
    entries.push(...read.entries);
    unknownMap ??= read.unknownMap;
  }
  const tagged = tagFactSources(entries);
  const matched = ctx.mapping.resource(r.address);
  const mapped = matched ? mappingFactSources(matched.entry, matched.at, ctx.mapping.file) : [];
  const problems = [...tagged.problems];

  let units = sizing.units;
  let gpuOrigin = sizing.origin;
  const stated = matched?.entry.gpus;
  if (matched && stated !== undefined) {
    const origin = { pointer: toPointer([...matched.at, 'gpus']), file: ctx.mapping.file };
    if (units === undefined) {
      units = stated * GPU_UNIT;
      gpuOrigin = origin;
    } else if (Math.ceil(units / GPU_UNIT) !== stated) {
      problems.push({ code: 'TF_CONFLICTING_FACTS', message: `${r.address}: the mapping file states ${stated} GPUs, the plan sizes it at ${showUnits(units)}; remove resources[].gpus or correct it`, resource: r.address, ...origin });
    }
  }
  if (units === undefined) problems.push(...sizing.problems);

  const sources = [...tagged.sources, ...mapped];
  const names = mergeFacts(sources.filter((s) => s.path === NAME));
  problems.push(...names.problems.map((p) => ({ ...p, resource: r.address })));
  const named = names.facts.get(NAME);
  const name = typeof named?.value === 'string' ? named.value : nameFromAddress(r.address);
  const hasFacts = entries.length > 0 || mapped.length > 0 || ctx.mapping.deployment(name) !== undefined;
  const candidate = units !== 0 || hasFacts;
  if (candidate && unknownMap) {
    problems.push(problemAt(r, 'TF_UNKNOWN_VALUE', unknownMap, "its tags are not known until apply, so accord cannot read its accord-* facts; make the tags known at plan time (literals or variables), or state the facts in the mapping file"));
  }
  return {
    resource: r,
    cloud: type.cloud,
    ...(units === undefined ? {} : { units }),
    gpuOrigin,
    gpuSensitive: sizing.sensitive,
    related: [...sizing.templates, ...autoscalers],
    tagMap: { pointer: own.mapPointer, resource: r.address },
    facts: sources.filter((s) => s.path !== NAME),
    name,
    names: [...new Set(sources.filter((s) => s.path === NAME).map((s) => String(s.value)))],
    nameOrigin: named?.origin ?? { pointer: `${r.pointer}/address`, resource: r.address },
    problems,
    candidate,
  };
}
