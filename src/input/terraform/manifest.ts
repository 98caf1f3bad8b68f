import { mappingFactSources, mergeFacts, type FactSource } from './facts.js';
import { capacityKind } from './growth.js';
import type { Mapping } from './mapping.js';
import type { Member } from './members.js';
import type { PlanIndex } from './plan-index.js';
import { deploymentProvider } from './providers.js';
import type { PlanResource } from './read-changes.js';
import { regionOf } from './region.js';
import { GPU_UNIT } from './sku-table.js';
import { SourceMap } from './source-map.js';
import type { DerivedDeployment, Origin, PlanProblem } from './types.js';

export interface ManifestContext {
  index: PlanIndex;
  mapping: Mapping;
  autoscalers: ReadonlyMap<PlanResource, PlanResource[]>;
  /** The date part of the plan's `timestamp` (Terraform 1.5+). */
  planDate?: string;
  file?: string;
}

const maxAnnotation = 4096;

/** One deployment's manifest from its members (sorted by address, none with a problem), or the problems that stop it. */
export function buildDeployment(ctx: ManifestContext, name: string, members: readonly Member[]): { deployment?: DerivedDeployment; problems: PlanProblem[] } {
  const first = members[0] as Member;
  const forDeployment = (p: PlanProblem): PlanProblem => ({ ...p, deployment: name, resource: p.resource ?? first.resource.address });
  const deploymentEntry = ctx.mapping.deployment(name);
  const sources: FactSource[] = [...members.flatMap((m) => m.facts), ...(deploymentEntry ? mappingFactSources(deploymentEntry.entry, deploymentEntry.at, ctx.mapping.file) : [])];
  const { facts, problems } = mergeFacts(sources);
  const map = new SourceMap({ pointer: first.resource.pointer, resource: first.resource.address });
  map.set(['metadata'], first.tagMap);
  map.set(['spec'], first.tagMap);
  const sensitive = new Set<string>();
  const fact = (path: string): unknown => {
    const f = facts.get(path);
    if (!f) return undefined;
    map.set(path.split('.'), f.origin);
    if (f.sensitive) sensitive.add(path);
    return f.value;
  };
  const missing = (field: string, remedy: string): void => {
    const gpus = members.some((m) => (m.units ?? 1) > 0);
    const what = sources.length === 0 && gpus ? 'GPU capacity with no accord facts' : `deployment ${name} has no ${field}`;
    problems.push({ code: 'TF_MISSING_FACT', message: `${first.resource.address}: ${what}; ${remedy}`, ...first.tagMap });
  };

  const provider = deploymentProvider(members, facts.get('spec.provider'), problems);
  if (provider.origin) map.set(['spec', 'provider'], provider.origin);
  if (facts.get('spec.provider')?.sensitive) sensitive.add('spec.provider');

  const workload = fact('spec.workload');
  if (workload === undefined) missing('workload', 'tag it accord-workload=<api|product|training|research|internal>, or give workload in the mapping file');
  let date = fact('metadata.date');
  if (date === undefined && ctx.planDate !== undefined) {
    date = ctx.planDate;
    map.set(['metadata', 'date'], { pointer: '/timestamp' });
  }
  if (date === undefined) missing('date', 'tag it accord-date=YYYY-MM-DD, or give date in the mapping file (plans from Terraform 1.5+ carry a timestamp that serves)');
  if (problems.length > 0) return { problems: problems.map(forDeployment) };

  const units = members.reduce((sum, m) => sum + (m.units as number), 0);
  const largest = members.reduce((a, b) => ((b.units as number) > (a.units as number) ? b : a));
  map.set(['spec', 'capacity'], largest.gpuOrigin);
  map.set(['spec', 'capacity', 'gpus'], largest.gpuOrigin);
  if (members.some((m) => m.gpuSensitive)) sensitive.add('spec.capacity.gpus');
  let kind = fact('spec.capacity.kind');
  if (kind === undefined) {
    const change = capacityKind(ctx.index, ctx.mapping, members, ctx.autoscalers);
    kind = change.kind;
    if (change.origin) map.set(['spec', 'capacity', 'kind'], change.origin);
  }

  const spec: Record<string, unknown> = { workload, provider: provider.value };
  const region = commonRegion(ctx, members);
  if (region) {
    spec.region = region.region;
    map.set(['spec', 'region'], region.origin);
  }
  spec.capacity = { kind, gpus: Math.ceil(units / GPU_UNIT) };
  const endpoints = fact('spec.endpoints');
  if (endpoints !== undefined) spec.endpoints = endpoints;
  for (const [field, keys] of [
    ['rofr', ['reference', 'offeredOn', 'decision']],
    ['approval', ['reference']],
    ['revenueShare', ['metered']],
    ['ipAccess', ['microsoft']],
  ] as const) {
    const object: Record<string, unknown> = {};
    for (const key of keys) {
      const value = fact(`spec.${field}.${key}`);
      if (value === undefined) continue;
      if (Object.keys(object).length === 0) map.set(['spec', field], facts.get(`spec.${field}.${key}`)?.origin as Origin);
      object[key] = value;
    }
    if (Object.keys(object).length > 0) spec[field] = object;
  }
  const annotations = annotationsOf(ctx.file, members);
  map.set(['metadata', 'name'], first.nameOrigin);
  map.set(['metadata', 'annotations'], { pointer: first.resource.pointer, resource: first.resource.address });
  const manifest = { apiVersion: 'accord/v1', kind: 'Deployment', metadata: { name, date, annotations }, spec };
  return {
    deployment: { name, manifest, members: members.map((m) => m.resource.address), sensitive: [...sensitive].sort(), origin: (segments) => map.origin(segments) },
    problems: [],
  };
}

/** The members' region when they all say the same. */
function commonRegion(ctx: ManifestContext, members: readonly Member[]): { region: string; origin: Origin } | undefined {
  const regions = members.map((m) => regionOf(m.resource, m.cloud, ctx.index.configuration));
  const first = regions[0];
  return first && regions.every((r) => r?.region === first.region) ? first : undefined;
}

/** Which plan and resources a deployment came from (a stringMap value holds at most 4096 characters). */
function annotationsOf(file: string | undefined, members: readonly Member[]): Record<string, string> {
  let listed = '';
  let shownCount = 0;
  for (const m of members) {
    const next = listed === '' ? m.resource.address : `${listed}, ${m.resource.address}`;
    if (next.length > maxAnnotation - 32) break;
    listed = next;
    shownCount++;
  }
  if (shownCount < members.length) listed += ` and ${members.length - shownCount} more`;
  return { ...(file === undefined ? {} : { 'accord.dev/terraform-plan': file }), 'accord.dev/terraform-resources': listed };
}
