import { formatPath } from '../../path.js';
import { showUntrusted } from '../../untrusted-text.js';
import type { Path } from './compute-types.js';
import type { PlanResource } from './read-changes.js';
import type { PlanProblem, PlanProblemCode } from './types.js';

/** A value as a message may show it: quoted and cut short, or `(sensitive)`. */
export function shown(value: unknown, sensitive = false): string {
  if (sensitive) return '(sensitive)';
  return typeof value === 'string' ? `"${showUntrusted(value)}"` : showUntrusted(JSON.stringify(value) ?? String(value));
}

export function problemAt(resource: PlanResource, code: PlanProblemCode, pointer: string, message: string): PlanProblem {
  return { code, message: `${resource.address}: ${message}`, pointer, resource: resource.address };
}

const gpusInMapping = "or state the resource's GPUs in the mapping file (resources[].gpus)";

export function unknownValue(resource: PlanResource, pointer: string, path: Path, what: string): PlanProblem {
  return problemAt(
    resource,
    'TF_UNKNOWN_VALUE',
    pointer,
    `${what} (${formatPath(path)}) is not known until apply, so accord cannot count this capacity's GPUs. Make it known at plan time (a literal or a variable, not another resource's attribute), ${gpusInMapping}`,
  );
}

export function unknownSku(resource: PlanResource, pointer: string, sku: unknown, sensitive: boolean): PlanProblem {
  const name = shown(sku, sensitive);
  return problemAt(
    resource,
    'TF_UNKNOWN_SKU',
    pointer,
    `${name} is an accelerator SKU that accord's GPU table does not list (Trainium, Inferentia, Gaudi and TPUs are left out until the partnership office decides whether they count). Add its GPUs per instance to the mapping file, from the cloud's documentation: skus: { ${name}: <GPUs> }`,
  );
}

export function unsizable(resource: PlanResource, pointer: string, why: string): PlanProblem {
  return problemAt(resource, 'TF_UNKNOWN_SKU', pointer, `${why}, so accord cannot count its GPUs: set an instance type, ${gpusInMapping}`);
}

export function unresolved(resource: PlanResource, pointer: string, why: string): PlanProblem {
  return problemAt(resource, 'TF_UNRESOLVED_REFERENCE', pointer, `${why}, so accord cannot count its GPUs. Create or manage the template in the same plan, ${gpusInMapping}`);
}
