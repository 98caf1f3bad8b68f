import type { PathSegment } from '../../path.js';
import type { ModuleStep } from './address.js';
import { isObject } from './read-changes.js';

type Expressions = Record<string, unknown>;

/**
 * The plan's `configuration`: per resource, the expressions as written, which say whether an
 * attribute was set at all and what it references. Module instances share one configuration, so
 * lookups drop instance keys and walk `module_calls`.
 */
export class Configuration {
  private readonly modules = new Map<string, Map<string, Record<string, unknown>> | undefined>();

  constructor(private readonly configuration: unknown, private readonly variables: unknown) {}

  /** Whether the plan has a configuration to consult at all (an absent one proves nothing). */
  get present(): boolean {
    return isObject(this.configuration) && isObject(this.configuration.root_module);
  }

  /** The module's configuration object (`resources`, `module_calls`, `outputs`). */
  module(modules: readonly ModuleStep[]): Record<string, unknown> | undefined {
    let node = isObject(this.configuration) ? this.configuration.root_module : undefined;
    for (const step of modules) {
      const calls = isObject(node) ? node.module_calls : undefined;
      const call = isObject(calls) && Object.hasOwn(calls, step.name) ? calls[step.name] : undefined;
      node = isObject(call) ? call.module : undefined;
    }
    return isObject(node) ? node : undefined;
  }

  /** A managed resource's configuration block (`expressions`, `provider_config_key`, ...). */
  resource(modules: readonly ModuleStep[], type: string, name: string): Record<string, unknown> | undefined {
    const key = modules.length === 0 ? '' : modules.map((m) => m.name).join('\0');
    let resources = this.modules.get(key);
    if (!this.modules.has(key)) {
      const list = this.module(modules)?.resources;
      resources = Array.isArray(list) ? new Map() : undefined;
      for (const r of Array.isArray(list) ? list : []) {
        if (isObject(r) && r.mode !== 'data' && typeof r.address === 'string') resources?.set(r.address, r);
      }
      this.modules.set(key, resources);
    }
    return resources?.get(`${type}.${name}`);
  }

  /** The expression of a module call's input variable, in the calling module. */
  moduleInput(parent: readonly ModuleStep[], call: string, variable: string): unknown {
    const calls = this.module(parent)?.module_calls;
    const callConfig = isObject(calls) && Object.hasOwn(calls, call) ? calls[call] : undefined;
    const expressions = isObject(callConfig) ? callConfig.expressions : undefined;
    return isObject(expressions) && Object.hasOwn(expressions, variable) ? expressions[variable] : undefined;
  }

  /** The expression of a module's output. */
  moduleOutput(modules: readonly ModuleStep[], output: string): unknown {
    const outputs = this.module(modules)?.outputs;
    const o = isObject(outputs) && Object.hasOwn(outputs, output) ? outputs[output] : undefined;
    return isObject(o) ? o.expression : undefined;
  }

  /**
   * The provider's `region` when it is a constant or a root variable's value: what AWS and OCI
   * resources run in. Undefined when it cannot be known from the plan.
   */
  providerRegion(providerConfigKey: unknown): string | undefined {
    const configs = isObject(this.configuration) ? this.configuration.provider_config : undefined;
    const config = isObject(configs) && typeof providerConfigKey === 'string' && Object.hasOwn(configs, providerConfigKey) ? configs[providerConfigKey] : undefined;
    const region = isObject(config) && isObject(config.expressions) ? config.expressions.region : undefined;
    if (!isObject(region)) return undefined;
    if (typeof region.constant_value === 'string') return region.constant_value;
    const refs = region.references;
    if (!isObject(config) || config.module_address !== undefined || !Array.isArray(refs) || refs.length !== 1 || typeof refs[0] !== 'string') return undefined;
    const variable = /^var\.([A-Za-z0-9_-]+)$/.exec(refs[0])?.[1];
    const declared = variable !== undefined && isObject(this.variables) && Object.hasOwn(this.variables, variable) ? this.variables[variable] : undefined;
    return isObject(declared) && typeof declared.value === 'string' ? declared.value : undefined;
  }
}

/** The node at `path` in a resource's `expressions`: an expression, or a block (list) of expressions. */
export function expressionAt(expressions: unknown, path: readonly PathSegment[]): unknown {
  let node = expressions;
  for (const segment of path) {
    if (isExpression(node)) return node;
    if (Array.isArray(node)) node = typeof segment === 'number' ? node[segment] : undefined;
    else if (isObject(node) && typeof segment === 'string') node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else if (isObject(node) && typeof segment === 'number') continue; // a single nested block has no list around it
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * Whether the attribute at `path`, or an attribute holding it, was written in the configuration.
 * `dynamic` blocks do not appear in `configuration` (Terraform leaves them out), so a block set
 * only through one reads as not written.
 */
export function isConfigured(expressions: unknown, path: readonly PathSegment[]): boolean {
  return expressionAt(expressions, path) !== undefined;
}

/** The references of the expression at `path` (empty for a constant, undefined when nothing is written there). */
export function referencesAt(expressions: unknown, path: readonly PathSegment[]): string[] | undefined {
  const node = expressionAt(expressions, path);
  return isExpression(node) ? references(node) : undefined;
}

export function references(expression: unknown): string[] {
  const refs = isObject(expression) ? expression.references : undefined;
  return Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string') : [];
}

function isExpression(node: unknown): node is Expressions {
  return isObject(node) && ('constant_value' in node || 'references' in node);
}
