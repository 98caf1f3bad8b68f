// What each stage of a 10,000-JSON-file check costs in a cold process: where the time goes.
//
//   node bench/stages.mjs [--runs N] [--files N]
//
// Bundles a small harness from src/ with esbuild, then runs it once per stage count, N times each
// (default 7), interleaved. Run k does the first k stages of the pipeline over the scenario-2
// corpus, in groups of 64 files as accord does, so the difference between two rows is what a stage
// adds in place (with its share of garbage collection and JIT warm-up). Listing the files and
// loading the policy are timed apart and left out of the rows.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createCorpusDir, DEFAULT_SEED, removeCorpusDir, writeApprovals, writeFiles } from './corpus.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const runs = option('--runs', 7);
const files = option('--files', 10_000);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(files) || files < 1) {
  console.error('usage: node bench/stages.mjs [--runs N] [--files N]');
  process.exit(2);
}

const stages = [
  'read and decode',
  '+ JSON.parse',
  '+ guards, duplicate keys, events (loadText)',
  '+ schema',
  '+ rules, findings (assess)',
  '+ record (Collector)',
];
// For comparison: schema, then a hand-written predicate of the nine rules (the differential test's reference).
const REFERENCE = stages.length;

const harness = `
import { findFiles } from './src/input/find-files.js';
import { readTextFile, loadText } from './src/input/load-text-file.js';
import { json } from './src/input/kinds/json.js';
import { assess } from './src/check/assess.js';
import { validate } from './src/schema/validate.js';
import { validators } from './src/schema/validators.js';
import { Collector } from './src/check/collector.js';
import { loadRules } from './src/policy/load-rules.js';
import { loadApprovals } from './src/policy/approvals.js';
import { defaultLimits } from './src/input/limits.js';
import { referenceFindings } from './test/support/reference-rules.js';
import { APPROVALS } from './bench/corpus.mjs';

const [dir, approvalsFile, stageText] = process.argv.slice(2);
const stage = Number(stageText);
const { rules, problems: ruleProblems } = await loadRules([${JSON.stringify(path.join(repo, 'rules'))}], process.cwd());
const approvals = await loadApprovals(approvalsFile, process.cwd(), defaultLimits);
// A stage timed against a broken policy (no rules, no registry) would measure something else.
const problems = [...ruleProblems, ...approvals.problems];
if (problems.length > 0 || !approvals.registry) throw new Error('the policy did not load: ' + JSON.stringify(problems.slice(0, 3)));
const found = await findFiles([dir], { cwd: process.cwd() });
const context = { rules, registry: approvals.registry };
const collector = new Collector([], false, rules);
const loadJson = await json.loader();
let sink = 0;
const started = performance.now();
for (let first = 0; first < found.files.length; first += 64) {
  const group = found.files.slice(first, first + 64);
  const texts = group.map((f) => readTextFile(f.path, f.file, defaultLimits, true).text);
  if (stage === 0) continue;
  if (stage === 1) {
    for (const text of texts) sink += JSON.parse(text) ? 1 : 0;
    continue;
  }
  const loaded = texts.map((text, i) => loadText(text, group[i].file, loadJson, defaultLimits));
  if (stage === 2) continue;
  for (const events of loaded) {
    for (const event of events) {
      if (!event.document) throw new Error('a corpus file did not load: ' + JSON.stringify(event.problem));
      if (stage === 3) sink += validate(validators.deployment, event.document.value).length;
      else if (stage === ${REFERENCE}) sink += validate(validators.deployment, event.document.value).length + referenceFindings(event.document.value, APPROVALS).length;
      else if (stage === 4) sink += assess(event, context) ? 1 : 0;
      else collector.record(assess(event, context));
    }
  }
}
process.stdout.write(JSON.stringify({ ms: performance.now() - started, sink }) + '\\n');
`;

const dir = createCorpusDir();
try {
  const approvals = writeApprovals(dir);
  const corpus = writeFiles(dir, 'json', files, DEFAULT_SEED, 'json');
  const bundle = path.join(dir, 'stages.mjs');
  await esbuild.build({
    stdin: { contents: harness, resolveDir: repo, loader: 'ts', sourcefile: 'stages-harness.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __stagesRequire } from 'node:module'; const require = __stagesRequire(import.meta.url);" },
  });
  const levels = [...stages.keys(), REFERENCE];
  const times = new Map(levels.map((level) => [level, []]));
  for (let i = 0; i < runs; i++) {
    for (const level of levels) {
      const run = spawnSync(process.execPath, [bundle, corpus.dir, approvals, String(level)], { cwd: dir, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`stage ${level} failed (exit ${run.status}): ${run.stderr.slice(0, 800)}`);
      times.get(level).push(JSON.parse(run.stdout).ms);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
  console.log(`${files} JSON files, ${runs} runs per row (interleaved), median ms of the checking loop in a fresh process:`);
  let before = 0;
  for (const [level, name] of stages.entries()) {
    const ms = median(times.get(level));
    console.log(`  ${name.padEnd(52)} ${ms.toFixed(0).padStart(6)}   (${level === 0 ? '' : ms >= before ? '+' : ''}${(ms - before).toFixed(0)})`);
    before = ms;
  }
  const schema = median(times.get(3));
  const reference = median(times.get(REFERENCE));
  console.log(`  ${'schema, then a hand-written predicate (reference)'.padEnd(52)} ${reference.toFixed(0).padStart(6)}   (${(reference - schema).toFixed(0)} over the schema row)`);
} finally {
  removeCorpusDir(dir);
}
