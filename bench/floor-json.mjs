// Floor for scenario 2: list the same files accord would (fast-glob), read each, JSON.parse it.
// No validation, no rules, no report: the least any JSON checker has to do.
// Usage: node bench/floor-json.mjs DIR   (prints {"files":N,"deployments":M})
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/floor-json.mjs DIR');
const files = fg.sync('**/*.json', { cwd: dir, absolute: true });
let deployments = 0;
for (const file of files) {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  deployments += Array.isArray(value) ? value.length : 1;
}
process.stdout.write(`${JSON.stringify({ files: files.length, deployments })}\n`);
