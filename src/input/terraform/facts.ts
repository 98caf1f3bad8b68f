import { showUntrusted } from '../../untrusted-text.js';
import { mappingFacts, tagFacts } from './fact-keys.js';
import { toPointer } from './json-pointer.js';
import { shown } from './problems.js';
import { isObject, valueAt } from './read-changes.js';
import type { TagEntry } from './tags.js';
import type { Origin, PlanProblem } from './types.js';

/** One statement of a fact: its manifest field (dotted), its value, and where it was written. */
export interface FactSource {
  path: string;
  value: unknown;
  origin: Origin;
  sensitive: boolean;
  /** The tag it was read from; none for the mapping file. */
  tag?: string;
}

/** Where a fact was written, in words: `tag accord-workload of aws_instance.a`, `the mapping file at /resources/0/workload`. */
export function where(s: FactSource): string {
  return s.tag === undefined ? `the mapping file at ${s.origin.pointer}` : `tag ${showUntrusted(s.tag)} of ${s.origin.resource ?? ''}`;
}

const known = Object.keys(tagFacts).join(', ');

/** Facts from `accord-*` tags: unknown keys, unknown values and booleans other than true/false are problems. */
export function tagFactSources(entries: readonly TagEntry[]): { sources: FactSource[]; problems: PlanProblem[] } {
  const sources: FactSource[] = [];
  const problems: PlanProblem[] = [];
  for (const e of entries) {
    const fact = Object.hasOwn(tagFacts, e.key) ? tagFacts[e.key] : undefined;
    const at = { pointer: e.pointer, resource: e.resource };
    if (fact && !e.unknown && typeof e.value === 'string' && (!fact.boolean || e.value === 'true' || e.value === 'false')) {
      sources.push({ path: fact.joined, value: fact.boolean ? e.value === 'true' : e.value, origin: at, sensitive: e.sensitive, tag: e.key });
      continue;
    }
    const tag = `tag ${showUntrusted(e.key)}`;
    if (!fact) {
      problems.push({ code: 'TF_UNKNOWN_TAG', message: `${e.resource}: ${tag} is not one of accord's tags (${known}); fix its spelling, or its case: a misspelt fact would silently be missing`, ...at });
    } else if (e.unknown) {
      problems.push({
        code: 'TF_UNKNOWN_VALUE',
        message: `${e.resource}: the value of ${tag} is not known until apply; accord reads facts at plan time, so give it a literal or a variable, not another resource's attribute`,
        ...at,
      });
    } else if (typeof e.value !== 'string') {
      problems.push({ code: 'TF_INVALID_FACT', message: `${e.resource}: ${tag} is ${shown(e.value, e.sensitive)}, not a string`, ...at });
    } else {
      problems.push({ code: 'TF_INVALID_FACT', message: `${e.resource}: ${tag} is ${shown(e.value, e.sensitive)}; write exactly true or false`, ...at });
    }
  }
  return { sources, problems };
}

/** Facts of a mapping entry (`resources[i]` or `deployments.<name>`), which the schema has validated. */
export function mappingFactSources(entry: unknown, at: readonly (string | number)[], file: string): FactSource[] {
  if (!isObject(entry)) return [];
  const sources: FactSource[] = [];
  for (const { at: field, path } of mappingFacts) {
    const value = valueAt(entry, field);
    if (value === undefined) continue;
    const pointer = toPointer([...at, ...field]);
    sources.push({ path: path.join('.'), value, origin: { pointer, file }, sensitive: false });
  }
  return sources;
}

/**
 * One value per fact. A fact stated twice with different values is a problem, never a silent
 * precedence; the first source (in member order) is the origin.
 */
export function mergeFacts(sources: readonly FactSource[]): { facts: Map<string, FactSource>; problems: PlanProblem[] } {
  const facts = new Map<string, FactSource>();
  const problems: PlanProblem[] = [];
  const reported = new Set<string>();
  for (const s of sources) {
    const first = facts.get(s.path);
    if (!first) facts.set(s.path, s);
    else if (first.value !== s.value && canonical(first.value) !== canonical(s.value) && !reported.has(s.path)) {
      reported.add(s.path);
      problems.push({
        code: 'TF_CONFLICTING_FACTS',
        message: `${s.path} is given as ${shown(first.value, first.sensitive)} by ${where(first)} and as ${shown(s.value, s.sensitive)} by ${where(s)}; give it one value`,
        ...s.origin,
      });
    }
  }
  return { facts, problems };
}

/** JSON with object keys sorted, so equal values compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}
