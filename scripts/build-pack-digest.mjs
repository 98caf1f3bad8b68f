// Digests the bundled rule pack (rules/*.json, in the order loadRules reads them) and keeps a copy
// of the files digested in src/policy/generated/bundled-pack.json, so a run that reads exactly these
// files reuses the digest instead of loading node:crypto (src/policy/pack-digest.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const rulesDir = new URL('rules/', root);
const files = readdirSync(rulesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, readFileSync(new URL(name, rulesDir), 'utf8')]);
const hash = createHash('sha256');
for (const [name, text] of files) hash.update(`${name}\0`).update(text, 'utf8').update('\0');
const outDir = new URL('src/policy/generated/', root);
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('bundled-pack.json', outDir), `${JSON.stringify({ sha256: hash.digest('hex'), files })}\n`);
