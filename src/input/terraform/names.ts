import { createHash } from 'node:crypto';

/**
 * The deployment name of an untagged resource instance (convention 4): drop `module.` prefixes,
 * lowercase, every run of characters outside [a-z0-9] becomes `-`, trim `-`; over 63 characters:
 * the first 54, `-`, and the first 8 hex digits of the address's SHA-256. Deterministic, so
 * waivers can name it.
 */
export function nameFromAddress(address: string): string {
  const name = withoutModulePrefixes(address)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name.length <= 63) return name;
  return `${name.slice(0, 54)}-${createHash('sha256').update(address).digest('hex').slice(0, 8)}`;
}

/** Drops the `module.` that starts each module step, but never text inside an instance key. */
function withoutModulePrefixes(address: string): string {
  let out = '';
  let i = 0;
  while (i < address.length) {
    if (address.startsWith('module.', i) && (i === 0 || address[i - 1] === '.')) {
      i += 'module.'.length;
      continue;
    }
    const c = address[i] as string;
    if (c === '[' && address[i + 1] === '"') {
      let j = i + 2;
      for (; j < address.length && address[j] !== '"'; j++) if (address[j] === '\\') j++;
      out += address.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
