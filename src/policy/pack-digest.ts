import { sha256 } from '../sha256.js';
import bundled from './generated/bundled-pack.json' with { type: 'json' };

/** A file that went into a rule pack's digest, in load order. */
export type DigestInput = readonly [name: string, bytes: Uint8Array];

/** SHA-256 over each file's name and bytes: `name \0 bytes \0`, in load order. */
export function computePackDigest(files: readonly DigestInput[]): string {
  const hash = sha256();
  for (const [name, bytes] of files) hash.update(`${name}\0`).update(bytes).update('\0');
  return hash.digest('hex');
}

/**
 * The pack's digest. The bundled pack's is computed at build time (scripts/build-pack-digest.mjs)
 * along with a copy of the files it covers: when the files read are exactly those, byte for byte,
 * it is reused and a run never loads node:crypto.
 */
export function packDigest(files: readonly DigestInput[]): string {
  const known = bundled.files;
  const same = files.length === known.length && files.every(([name, bytes], i) => name === known[i]?.[0] && Buffer.from(known[i]?.[1] ?? '', 'utf8').equals(bytes));
  return same ? bundled.sha256 : computePackDigest(files);
}
