import table from './gpu-skus.json' with { type: 'json' };
import type { Cloud } from './compute-types.js';

/** GPUs are counted in 24ths, so shared-GPU SKUs (1/8, 1/6, 1/4, 1/3, 1/2) add up exactly. */
export const GPU_UNIT = 24;

export type Verification = 'doc' | 'vendor code' | 'secondary' | 'name';

export interface SkuRow {
  cloud: Cloud;
  sku: string;
  gpus: number | string;
  verified: Verification;
  source: string;
}

export type SkuGpus =
  | { kind: 'gpus'; units: number; from: 'table' | 'mapping' }
  | { kind: 'none' }
  | { kind: 'unknown' }
  | { kind: 'conflict'; table: number; mapping: number };

/**
 * Accelerator families (design 3.4): a SKU of one of these that is in neither the table nor the
 * mapping is unknown, never "no GPUs". GCP's G family starts at g2: g1-small is a shared-core CPU type.
 */
const families: Readonly<Record<Cloud, RegExp>> = {
  azure: /^standard_n/i,
  aws: /^(p|g|gr|dl|trn|inf)\d+[a-z]*(-[a-z0-9]+)?\./,
  gcp: /^(a\d+[a-z]*|g[2-9]\d*|ct\d+[a-z]*)-/,
  oracle: /\.gpu/i,
};

const caseInsensitive = (cloud: Cloud): boolean => cloud === 'azure' || cloud === 'oracle';
const normal = (cloud: Cloud, sku: string): string => (caseInsensitive(cloud) ? sku.toLowerCase() : sku);

export const skuRows: readonly SkuRow[] = table.skus as SkuRow[];

const shipped = new Map<string, number>();
for (const row of skuRows) shipped.set(`${row.cloud}:${normal(row.cloud, row.sku)}`, toUnits(row.gpus));

/** `8` -> 192; `"1/6"` -> 4. Throws for a count that is not a whole number of 24ths (a broken table). */
export function toUnits(gpus: number | string): number {
  const [n, d] = typeof gpus === 'number' ? [gpus, 1] : gpus.split('/').map(Number);
  const units = ((n as number) * GPU_UNIT) / (d as number);
  if (!Number.isSafeInteger(units) || units < 0) throw new Error(`GPU count ${String(gpus)} is not a whole number of 1/${GPU_UNIT}`);
  return units;
}

/** GPUs per instance of `sku`, from the shipped table and the mapping file's `skus`, which must agree where both know it. */
export function skuGpus(cloud: Cloud, sku: string, mappingSkus: ReadonlyMap<string, number>): SkuGpus {
  const fromTable = shipped.get(`${cloud}:${normal(cloud, sku)}`);
  const mapped = mappingSkus.get(sku) ?? (caseInsensitive(cloud) ? mappingSkus.get(`\0${sku.toLowerCase()}`) : undefined);
  const fromMapping = mapped === undefined ? undefined : mapped * GPU_UNIT;
  if (fromTable !== undefined && fromMapping !== undefined && fromTable !== fromMapping) return { kind: 'conflict', table: fromTable, mapping: fromMapping };
  if (fromTable !== undefined) return { kind: 'gpus', units: fromTable, from: 'table' };
  if (fromMapping !== undefined) return { kind: 'gpus', units: fromMapping, from: 'mapping' };
  return families[cloud].test(sku) ? { kind: 'unknown' } : { kind: 'none' };
}

/** The mapping's `skus` as a lookup: exact names, and lower-cased ones (prefixed with NUL) for the clouds that ignore case. */
export function mappingSkuIndex(skus: Readonly<Record<string, number>> | undefined): Map<string, number> {
  const index = new Map<string, number>();
  for (const [sku, gpus] of Object.entries(skus ?? {})) {
    index.set(sku, gpus);
    if (!index.has(`\0${sku.toLowerCase()}`)) index.set(`\0${sku.toLowerCase()}`, gpus);
  }
  return index;
}

/** GPUs in 24ths, shown: `8`, `1/6`. */
export function showUnits(units: number): string {
  if (units % GPU_UNIT === 0) return String(units / GPU_UNIT);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(units, GPU_UNIT);
  return `${units / g}/${GPU_UNIT / g}`;
}
