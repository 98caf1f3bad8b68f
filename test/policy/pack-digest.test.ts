import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import { computePackDigest, packDigest, type DigestInput } from '../../src/policy/pack-digest.js';

// Counts the hashes made, so a test can tell the build-time digest was reused rather than recomputed.
const hashing = vi.hoisted(() => ({ made: 0 }));
vi.mock('../../src/sha256.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/sha256.js')>();
  return {
    sha256: () => {
      hashing.made++;
      return real.sha256();
    },
  };
});

const rulesDir = path.resolve(import.meta.dirname, '../../rules');
const bundledFiles = (): DigestInput[] =>
  readdirSync(rulesDir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => [n, readFileSync(path.join(rulesDir, n))] as const);

/** The digest: sha256 over `name \0 bytes \0` per file, in load order, computed here independently. */
function reference(files: readonly DigestInput[]): string {
  const hash = createHash('sha256');
  for (const [name, bytes] of files) hash.update(Buffer.concat([Buffer.from(`${name}\0`), bytes, Buffer.from('\0')]));
  return hash.digest('hex');
}

describe('the rule pack digest', () => {
  it('reuses the build-time digest of the bundled pack (hashing nothing), which equals the one computed now', () => {
    const files = bundledFiles();
    const before = hashing.made;
    expect(packDigest(files)).toBe(reference(files));
    expect(hashing.made).toBe(before);
    expect(computePackDigest(files)).toBe(reference(files));
    expect(hashing.made).toBe(before + 1);
  });

  it('is computed afresh when a file differs from the bundled one by a single byte', () => {
    const files = bundledFiles();
    const [name, bytes] = files[1] as DigestInput;
    const edited = Buffer.from(bytes);
    edited[edited.length - 2] = edited[edited.length - 2] === 0x20 ? 0x09 : 0x20;
    files[1] = [name, edited];
    const before = hashing.made;
    expect(packDigest(files)).toBe(reference(files));
    expect(hashing.made).toBe(before + 1);
    expect(packDigest(files)).not.toBe(packDigest(bundledFiles()));
  });

  it('is computed afresh when a file is missing or renamed', () => {
    const files = bundledFiles();
    expect(packDigest(files.slice(1))).toBe(reference(files.slice(1)));
    const renamed = files.map(([n, b], i) => (i === 2 ? ([`x${n}`, b] as const) : ([n, b] as const)));
    expect(packDigest(renamed)).toBe(reference(renamed));
  });

  it('is what loadPolicy reports for the bundled pack', async () => {
    const policy = await loadPolicy();
    expect(policy.rulePack.sha256).toBe(reference(bundledFiles()));
  });
});
