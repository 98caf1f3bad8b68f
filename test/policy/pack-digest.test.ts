import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import { packDigest, type DigestInput } from '../../src/policy/pack-digest.js';

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
  it('is sha256 over each file name and bytes, in load order', () => {
    const files = bundledFiles();
    expect(packDigest(files)).toBe(reference(files));
  });

  it('changes with a single byte of a file, a missing file and a renamed one', () => {
    const files = bundledFiles();
    const [name, bytes] = files[1] as DigestInput;
    const edited = Buffer.from(bytes);
    edited[edited.length - 2] = edited[edited.length - 2] === 0x20 ? 0x09 : 0x20;
    const changed = [...files];
    changed[1] = [name, edited];
    const renamed = files.map(([n, b], i) => (i === 2 ? ([`x${n}`, b] as const) : ([n, b] as const)));
    const digests = [files, changed, files.slice(1), renamed].map(packDigest);
    expect(new Set(digests).size).toBe(4);
    expect(packDigest(changed)).toBe(reference(changed));
    expect(packDigest(renamed)).toBe(reference(renamed));
  });

  it('is what loadPolicy reports for the bundled pack', async () => {
    const policy = await loadPolicy();
    expect(policy.rulePack.sha256).toBe(reference(bundledFiles()));
  });
});
