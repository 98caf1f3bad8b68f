import { createHash } from 'node:crypto';

/** A file that went into a rule pack's digest, in load order. */
export type DigestInput = readonly [name: string, bytes: Uint8Array];

/** SHA-256 over each file's name and bytes: `name \0 bytes \0`, in load order. */
export function packDigest(files: readonly DigestInput[]): string {
  const hash = createHash('sha256');
  for (const [name, bytes] of files) hash.update(`${name}\0`).update(bytes).update('\0');
  return hash.digest('hex');
}
