// Floor for scenario 3: list the same files accord would (fast-glob), read each, and parse it with
// the parser accord uses (`yaml`, parseAllDocuments, then toJS for each document, to get the
// values a checker needs). No positions (LineCounter), validation, rules or report.
// Usage: node bench/floor-yaml.mjs DIR   (prints {"files":N,"deployments":M})
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { parseAllDocuments } from 'yaml';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/floor-yaml.mjs DIR');
const files = fg.sync('**/*.{yaml,yml}', { cwd: dir, absolute: true });
let deployments = 0;
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
    if (doc.toJS() != null) deployments++;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, deployments })}\n`);
