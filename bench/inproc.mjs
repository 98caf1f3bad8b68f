// In-process measurements, one per child process (run.mjs starts it, so every sample has a fresh
// heap and JIT). Prints one JSON line on stdout.
//
//   node bench/inproc.mjs check   DEPLOYMENTS.json APPROVALS.yaml [DIST_INDEX]   policy.check (accord)
//   node bench/inproc.mjs naive   DEPLOYMENTS.json APPROVALS.yaml   bench/naive-engine.mjs
//   node bench/inproc.mjs parsers YAML_DIR JSON_DIR PASSES           YAML parsers on the same files
//
// check/naive: a warm-up over the first BENCH_INPROC_WARMUP (2000) deployments, not timed; then timed
// passes over all of them, each deployment awaited before the next, repeated until at least
// BENCH_INPROC_MIN_MS (2000) ms have passed, so a fast candidate is timed over as long a stretch as
// the slow baseline (short samples are at the mercy of any other load on the machine).
// Output: deployments (checked in the timed passes), passes, ms, perSecond, hits (rules fired in one pass).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';

const [mode, a, b, c] = process.argv.slice(2);
const repo = new URL('../', import.meta.url);
const WARMUP = Number(process.env.BENCH_INPROC_WARMUP ?? 2000);
const MIN_MS = Number(process.env.BENCH_INPROC_MIN_MS ?? 2000);

async function timeChecks(check, deployments) {
  for (let i = 0; i < Math.min(WARMUP, deployments.length); i++) await check(deployments[i]);
  let hits;
  let passes = 0;
  const start = performance.now();
  do {
    let h = 0;
    for (const d of deployments) h += (await check(d)).length;
    if (hits !== undefined && h !== hits) throw new Error(`rules fired changed between passes: ${hits} then ${h}`);
    hits = h;
    passes++;
  } while (performance.now() - start < MIN_MS);
  const ms = performance.now() - start;
  const checked = deployments.length * passes;
  return { deployments: checked, passes, ms, perSecond: checked / (ms / 1000), hits };
}

async function approvalsFrom(file) {
  const { parse } = await import('yaml');
  return parse(readFileSync(file, 'utf8')).approvals;
}

if (mode === 'check') {
  const deployments = JSON.parse(readFileSync(a, 'utf8'));
  const { loadPolicy } = await import(c ? pathToFileURL(c).href : new URL('dist/index.js', repo).href);
  const policy = await loadPolicy({ approvals: b, asOf: '2026-06-01' });
  if (policy.problems.length > 0) throw new Error(`policy problems: ${JSON.stringify(policy.problems)}`);
  const result = await timeChecks((d) => policy.check(d), deployments);
  process.stdout.write(`${JSON.stringify({ mode, ...result })}\n`);
} else if (mode === 'naive') {
  const deployments = JSON.parse(readFileSync(a, 'utf8'));
  const { createNaiveChecker } = await import('./naive-engine.mjs');
  const check = createNaiveChecker({ rulesDir: new URL('rules/', repo).pathname, approvals: await approvalsFrom(b) });
  const result = await timeChecks(check, deployments);
  process.stdout.write(`${JSON.stringify({ mode, ...result })}\n`);
} else if (mode === 'parsers') {
  const passes = Number(c ?? 3);
  const yamlPkg = await import('yaml');
  const jsYaml = (await import('js-yaml')).default;
  const read = (dir, pattern) => fg.sync(pattern, { cwd: dir, absolute: true }).sort().map((f) => readFileSync(f, 'utf8'));
  const yamlTexts = read(a, '**/*.{yaml,yml}');
  const jsonTexts = read(b, '**/*.json');
  const accordOptions = { schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false };
  const parsers = [
    {
      name: 'yaml parseAllDocuments + toJS, accord options (LineCounter, core, uniqueKeys, strict)',
      texts: yamlTexts,
      parse: (t) => {
        const lineCounter = new yamlPkg.LineCounter();
        let n = 0;
        for (const doc of yamlPkg.parseAllDocuments(t, { lineCounter, ...accordOptions })) if (doc.toJS({ maxAliasCount: 50 }) != null) n++;
        return n;
      },
    },
    {
      name: 'yaml parseAllDocuments + toJS, defaults (= floor-yaml)',
      texts: yamlTexts,
      parse: (t) => {
        let n = 0;
        for (const doc of yamlPkg.parseAllDocuments(t)) if (doc.toJS() != null) n++;
        return n;
      },
    },
    { name: 'yaml parse (one document, core schema)', texts: yamlTexts, parse: (t) => (yamlPkg.parse(t) != null ? 1 : 0) },
    { name: 'js-yaml loadAll (CORE_SCHEMA: dates stay strings)', texts: yamlTexts, parse: (t) => jsYaml.loadAll(t, null, { schema: jsYaml.CORE_SCHEMA }).length },
    { name: 'js-yaml load (DEFAULT_SCHEMA: dates become Date)', texts: yamlTexts, parse: (t) => (jsYaml.load(t) != null ? 1 : 0) },
    { name: 'JSON.parse (same manifests as JSON, reference)', texts: jsonTexts, parse: (t) => (JSON.parse(t) != null ? 1 : 0) },
  ];
  for (const p of parsers) {
    p.samples = [];
    for (let i = 0; i < Math.min(1000, p.texts.length); i++) p.parse(p.texts[i]); // warm-up
  }
  for (let pass = 0; pass < passes; pass++) {
    for (const p of parsers) {
      let docs = 0;
      const start = performance.now();
      for (const t of p.texts) docs += p.parse(t);
      const ms = performance.now() - start;
      if (docs !== p.texts.length) throw new Error(`${p.name}: ${docs} documents from ${p.texts.length} files`);
      p.samples.push(p.texts.length / (ms / 1000));
    }
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  process.stdout.write(`${JSON.stringify({ mode, files: yamlTexts.length, passes, parsers: parsers.map((p) => ({ name: p.name, filesPerSecond: median(p.samples), samples: p.samples })) })}\n`);
} else {
  throw new Error('usage: node bench/inproc.mjs check|naive DEPLOYMENTS.json APPROVALS.yaml | parsers YAML_DIR JSON_DIR PASSES');
}
