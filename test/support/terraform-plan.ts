/**
 * Builds plans in the shape `terraform show -json` writes (format 1.2, Terraform 1.9): complete
 * resource_changes (before, after, after_unknown, after_sensitive, before_sensitive),
 * planned_values, prior_state and configuration with references. Tests say only what they are
 * about; the rest is filled in the way Terraform fills it.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

type Loose = Record<string, unknown>;

export interface ResourceSpec {
  type: string;
  name: string;
  /** Module instances, outermost first: `[['trainer', 'a']]` is `module.trainer["a"]`. */
  module?: [string, (string | number)?][];
  key?: string | number;
  /** Provider type; its full name is registry.terraform.io/hashicorp/<provider> unless it holds a '/'. */
  provider?: string;
  actions?: string[];
  before?: Loose | null;
  after?: Loose | null;
  /** Overlaid on the derived after_unknown (`true` for values known only after apply). */
  unknown?: Loose;
  /** Overlaid on the derived after_sensitive. */
  sensitive?: Loose;
  /**
   * The resource's `expressions` in configuration. Default: every attribute of `after` not in
   * `computed` as a constant, blocks (lists of objects) as nested expressions.
   */
  config?: Loose;
  /** References written at attribute paths ('launch_template.0.id'): added to the configuration. */
  refs?: Record<string, string[]>;
  /** Attributes the provider computes (not written in configuration). */
  computed?: string[];
  providerConfigKey?: string;
}

export interface PlanSpec {
  resources: ResourceSpec[];
  timestamp?: string;
  variables?: Record<string, Json>;
  providerConfig?: Loose;
  moduleCalls?: Record<string, Loose>;
  errored?: boolean;
  complete?: boolean;
  formatVersion?: string;
  deferred?: ResourceSpec[];
  outputs?: Record<string, Loose>;
}

const defaultComputed = ['id', 'arn', 'tags_all', 'effective_labels', 'terraform_labels', 'self_link'];

export function address(r: ResourceSpec): string {
  const modules = (r.module ?? []).map(([name, key]) => `module.${name}${keyText(key)}`);
  return [...modules, `${r.type}.${r.name}${keyText(r.key)}`].join('.');
}

function moduleAddress(r: ResourceSpec): string | undefined {
  return r.module && r.module.length > 0 ? (r.module.map(([name, key]) => `module.${name}${keyText(key)}`).join('.')) : undefined;
}

function keyText(key: string | number | undefined): string {
  return key === undefined ? '' : typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function providerName(r: ResourceSpec): string {
  const p = r.provider ?? r.type.slice(0, r.type.indexOf('_'));
  return p.includes('/') ? p : `registry.terraform.io/hashicorp/${p}`;
}

/** The mirror trees Terraform writes: containers kept, scalars `false` inside lists and left out of objects. */
function mirror(value: Json, inList = false): Json | undefined {
  if (Array.isArray(value)) return value.map((v) => mirror(v, true) ?? false);
  if (value !== null && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) {
      const m = mirror(v);
      if (m !== undefined) out[k] = m;
    }
    return out;
  }
  return inList ? false : undefined;
}

function overlay(base: Json | undefined, top: Json | undefined): Json {
  if (top === undefined) return base ?? {};
  if (top === true || top === false || base === undefined || typeof top !== 'object' || top === null || typeof base !== 'object' || base === null) return top;
  if (Array.isArray(top)) return top.map((t, i) => overlay(Array.isArray(base) ? base[i] : undefined, t));
  const out: Obj = { ...(base as Obj) };
  for (const [k, v] of Object.entries(top)) out[k] = overlay(out[k], v);
  return out;
}

function expressions(after: Obj | null | undefined, computed: readonly string[]): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(after ?? {})) {
    if (v === null || computed.includes(k)) continue;
    out[k] = Array.isArray(v) && v.length > 0 && v.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e)) ? v.map((e) => expressions(e as Obj, [])) : { constant_value: v };
  }
  return out;
}

function setRef(exprs: Obj, path: string, refs: string[]): void {
  const parts = path.split('.');
  let node: Json = exprs;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const next: string | undefined = parts[i + 1];
    const container = node as Obj & Json[];
    const index = /^\d+$/.test(part) ? Number(part) : part;
    if ((container as Record<string | number, Json>)[index] === undefined) (container as Record<string | number, Json>)[index] = next !== undefined && /^\d+$/.test(next) ? [] : {};
    node = (container as Record<string | number, Json>)[index] as Json;
  }
  (node as Obj)[parts[parts.length - 1] as string] = { references: refs };
}

function change(r: ResourceSpec): Obj {
  const actions = r.actions ?? ['create'];
  const deleting = actions.length === 1 && actions[0] === 'delete';
  const before = (r.before ?? null) as Obj | null;
  const after = deleting ? null : ((r.after ?? {}) as Obj);
  const unknownBase = after === null ? {} : overlay(mirror(after), actions.includes('create') && !('id' in after) ? { id: true } : {});
  return {
    actions,
    before,
    after,
    after_unknown: overlay(unknownBase, r.unknown as Obj | undefined),
    before_sensitive: before === null ? false : (mirror(before) as Json),
    after_sensitive: after === null ? false : overlay(mirror(after), r.sensitive as Obj | undefined),
  };
}

function resourceChange(r: ResourceSpec): Obj {
  const out: Obj = { address: address(r) };
  const mod = moduleAddress(r);
  if (mod) out.module_address = mod;
  Object.assign(out, { mode: 'managed', type: r.type, name: r.name });
  if (r.key !== undefined) out.index = r.key;
  out.provider_name = providerName(r);
  out.change = change(r);
  return out;
}

/** The module tree of planned_values / prior_state. */
function moduleTree(resources: ResourceSpec[], values: (r: ResourceSpec) => Loose | null): Obj {
  const root: Obj = { resources: [] };
  const children = new Map<string, Obj>();
  for (const r of [...resources].sort((a, b) => cmp(address(a), address(b)))) {
    const v = values(r) as Obj | null;
    if (v === null) continue;
    const entry: Obj = { address: address(r), mode: 'managed', type: r.type, name: r.name };
    if (r.key !== undefined) entry.index = r.key;
    Object.assign(entry, { provider_name: providerName(r), schema_version: 0, values: v, sensitive_values: mirror(v) ?? {} });
    let node = root;
    const path: string[] = [];
    for (const [name, key] of r.module ?? []) {
      path.push(`module.${name}${keyText(key)}`);
      const id = path.join('.');
      let child = children.get(id);
      if (!child) {
        child = { resources: [], address: id };
        children.set(id, child);
        node.child_modules = [...((node.child_modules as Json[]) ?? []), child];
      }
      node = child;
    }
    (node.resources as Json[]).push(entry);
  }
  return root;
}

function configuration(spec: PlanSpec): Obj {
  const root: Obj = { resources: [] };
  const seen = new Set<string>();
  for (const r of spec.resources) {
    const modules = r.module ?? [];
    const id = `${modules.map(([n]) => n).join('.')}|${r.type}.${r.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    let node = root;
    for (const [name, key] of modules) {
      const calls = (node.module_calls ??= {}) as Obj;
      const call = (calls[name] ??= { source: `./modules/${name}`, ...(key === undefined ? {} : { for_each_expression: { references: ['var.instances'] } }), ...(spec.moduleCalls?.[name] ?? {}), module: { ...((spec.moduleCalls?.[name]?.module as Obj | undefined) ?? {}), resources: [] } }) as Obj;
      node = call.module as Obj;
      node.resources ??= [];
    }
    const exprs = (r.config as Obj | undefined) ?? expressions((r.after ?? r.before) as Obj | null, [...defaultComputed, ...(r.computed ?? [])]);
    for (const [path, refs] of Object.entries(r.refs ?? {})) setRef(exprs, path, refs);
    const entry: Obj = {
      address: `${r.type}.${r.name}`,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_config_key: r.providerConfigKey ?? (r.provider ?? r.type.slice(0, r.type.indexOf('_'))),
      expressions: exprs,
      schema_version: 0,
    };
    if (typeof r.key === 'number') entry.count_expression = { constant_value: 1 };
    if (typeof r.key === 'string') entry.for_each_expression = { references: ['var.names'] };
    (node.resources as Json[]).push(entry);
  }
  if (spec.outputs) root.outputs = spec.outputs as Obj;
  const providers = new Set(spec.resources.map((r) => r.providerConfigKey ?? r.provider ?? r.type.slice(0, r.type.indexOf('_'))));
  const providerConfig: Obj = {};
  for (const p of [...providers].sort()) providerConfig[p] = { name: p, full_name: `registry.terraform.io/hashicorp/${p}` };
  return { provider_config: overlay(providerConfig, (spec.providerConfig ?? {}) as Obj), root_module: root };
}

export function plan(spec: PlanSpec): Obj {
  const resources = [...spec.resources].sort((a, b) => cmp(address(a), address(b)));
  const out: Obj = { format_version: spec.formatVersion ?? '1.2', terraform_version: '1.9.5' };
  if (spec.variables) out.variables = Object.fromEntries(Object.entries(spec.variables).map(([k, v]) => [k, { value: v }])) as Obj;
  out.planned_values = { root_module: moduleTree(resources, (r) => ((r.actions ?? ['create']).join() === 'delete' ? null : (r.after ?? {}))) };
  out.resource_changes = resources.map(resourceChange);
  if (spec.deferred) out.deferred_changes = spec.deferred.map((r) => ({ reason: 'resource_config_unknown', resource_change: resourceChange(r) }));
  const prior = resources.filter((r) => r.before);
  if (prior.length > 0) out.prior_state = { format_version: '1.0', terraform_version: '1.9.5', values: { root_module: moduleTree(prior, (r) => r.before ?? null) } };
  out.configuration = configuration(spec);
  out.relevant_attributes = [];
  out.timestamp = spec.timestamp ?? '2027-02-01T10:00:00Z';
  out.applyable = true;
  out.complete = spec.complete ?? true;
  out.errored = spec.errored ?? false;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
