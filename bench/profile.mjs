// Where the time goes: CPU profiles of accord on the benchmark corpora, summarised.
//
//   node bench/profile.mjs cold|json|yaml|jsonl|inproc [--count N] [--interval MICROSECONDS]
//
// Builds a copy of the bundles WITH source maps into bench/profiles/app (same esbuild options as
// scripts/build.mjs, plus sourcemap and metafile, and the CLI's code cache; src/schema/generated must exist, i.e. run
// `npm run build` once first), generates the scenario's corpus with bench/corpus.mjs, runs the CLI
// (or policy.check for `inproc`) under `node --cpu-prof`, and prints self time by function and by
// package/source file, mapped back through the source maps. The source-mapped build is kept in
// bench/profiles/app/ and the .cpuprofile files in bench/profiles/ (both git-ignored), so
// `node bench/cpuprofile-summary.mjs bench/profiles/SCENARIO.cpuprofile` maps them again later, and
// Chrome DevTools / speedscope can open them.
//
// `cold` also prints what dist/cli.cjs holds by package (from the esbuild metafile) with the size of
// its code cache, and a start-up timeline (node bootstrap, compiling dist/cli.cjs with its cache, its
// top level, main()) as a median of 15 runs without the profiler.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { cliBundle, libraryBundle } from '../scripts/bundle-options.mjs';
import { createCorpusDir, DEFAULT_SEED, generate, removeCorpusDir, writeApprovals, writeFiles, writeJsonl, writeOneViolating } from './corpus.mjs';
import { printSummary, summarise } from './cpuprofile-summary.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');
const args = process.argv.slice(2);
const scenario = args[0];
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i > 0 ? Number(args[i + 1]) : fallback;
};
const defaults = { cold: [1, 50], json: [10_000, 500], yaml: [10_000, 500], jsonl: [200_000, 1000], inproc: [20_000, 200] };
if (!defaults[scenario]) {
  console.error('usage: node bench/profile.mjs cold|json|yaml|jsonl|inproc [--count N] [--interval MICROSECONDS]');
  process.exit(2);
}
const count = opt('--count', defaults[scenario][0]);
const interval = opt('--interval', defaults[scenario][1]);
const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tmp = createCorpusDir();
process.on('SIGINT', () => {
  removeCorpusDir(tmp);
  process.exit(130);
});
try {
  const app = path.join(benchDir, 'profiles', 'app');
  const meta = await buildWithSourceMaps(app);
  const bin = path.join(app, 'bin', 'accord.cjs');
  const approvals = writeApprovals(tmp);
  const profDir = path.join(tmp, 'prof');
  mkdirSync(profDir);
  let argv;
  let cwd = repo;
  if (scenario === 'cold') {
    writeOneViolating(tmp, seed);
    argv = [bin, 'check', 'one.yaml'];
    cwd = tmp;
  } else if (scenario === 'json' || scenario === 'yaml') {
    const c = writeFiles(tmp, scenario, count, seed, scenario);
    argv = [bin, 'check', c.dir, '--format', 'json', '--approvals', approvals];
  } else if (scenario === 'jsonl') {
    const inv = await writeJsonl(path.join(tmp, 'inv.jsonl'), count, seed + 1);
    argv = [bin, 'check', inv.file, '--format', 'json', '--approvals', approvals];
  } else {
    const file = path.join(tmp, 'deployments.json');
    writeFileSync(file, JSON.stringify(generate(seed + 2, count).map((x) => x.deployment)));
    argv = [path.join(benchDir, 'inproc.mjs'), 'check', file, approvals, path.join(app, 'dist', 'index.js')];
  }

  if (scenario === 'cold') {
    startupComposition(meta, app);
    timeline(app, cwd);
  }

  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', String(interval), ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const shown = (a) => (a.startsWith(tmp) ? path.relative(tmp, a) : a.startsWith(repo) ? path.relative(repo, a) : a);
  console.log(`\nprofiled: node --cpu-prof --cpu-prof-interval ${interval} ${argv.map(shown).join(' ')}  (exit ${r.status})`);
  if (r.status !== 0 && r.status !== 1) console.error(r.stderr);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));
  printSummary(summarise(profile), { top: 30, title: `${scenario} (${count})` });
  const keep = path.join(benchDir, 'profiles');
  mkdirSync(keep, { recursive: true });
  copyFileSync(path.join(profDir, file), path.join(keep, `${scenario}.cpuprofile`));
  console.log(`\nkept: bench/profiles/${scenario}.cpuprofile`);
} finally {
  removeCorpusDir(tmp);
}

/** The bundles as scripts/build.mjs makes them (with the CLI's code cache), plus source maps and a metafile; bin/, rules/ copied. */
async function buildWithSourceMaps(target) {
  rmSync(target, { recursive: true, force: true });
  const outdir = path.join(target, 'dist');
  const extra = { absWorkingDir: repo, outdir, sourcemap: true, metafile: true };
  await esbuild.build({ ...libraryBundle, ...extra });
  const cli = await esbuild.build({ ...cliBundle, ...extra });
  for (const dir of ['bin', 'rules', 'fixtures']) cpSync(path.join(repo, dir), path.join(target, dir), { recursive: true });
  copyFileSync(path.join(repo, 'package.json'), path.join(target, 'package.json'));
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'build-code-cache.cjs'), outdir], { cwd: target, stdio: 'inherit' });
  // node_modules (the packages the CLI requires lazily, ajv's runtime helpers) resolves up the tree: /work/…/node_modules.
  return cli.metafile;
}

function packageOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) return m[1];
  if (input.startsWith('src/')) return `accord ${input.split('/').slice(0, 2).join('/')}`;
  return input;
}

/** What dist/cli.cjs holds, by package, and the size of its code cache. */
function startupComposition(meta, app) {
  const [key, output] = Object.entries(meta.outputs).find(([k]) => k.endsWith('cli.cjs'));
  const by = new Map();
  for (const [input, v] of Object.entries(output.inputs)) by.set(packageOf(input), (by.get(packageOf(input)) ?? 0) + v.bytesInOutput);
  const kb = (n) => `${(n / 1e3).toFixed(1).padStart(7)} kB`;
  const cache = statSync(path.join(app, 'dist', 'cli.cjs.cache')).size - output.bytes - 4;
  console.log(`\n=== start-up: ${path.basename(key)} ${kb(output.bytes).trim()}, V8 code cache ${kb(cache).trim()} (read, checked and deserialised by every run)`);
  for (const [name, bytes] of [...by].sort((a, b) => b[1] - a[1])) if (bytes > 500) console.log(`  ${kb(bytes)}  ${name}`);
  console.log('-- left in node_modules, required on first use: fast-glob (glob patterns), picomatch (waiver patterns, excludes), json-rules-engine (--evaluator json-rules-engine)');
}

/** Median start-up timeline over 15 runs: bootstrap, compiling dist/cli.cjs with its cache, its top level, main(), and node -e ''. */
function timeline(app, cwd) {
  const probe = path.join(tmp, 'timeline.cjs');
  writeFileSync(probe, `
const { performance } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');
const t0 = performance.now();
const { compile, run } = require(${JSON.stringify(path.join(app, 'bin', 'code-cache.cjs'))});
const file = ${JSON.stringify(path.join(app, 'dist', 'cli.cjs'))};
const compiled = compile(file);
const t1 = performance.now();
const { main } = run(compiled.script, file);
const t2 = performance.now();
main(['check', 'one.yaml']).then((code) => {
  process.exitCode = code;
  const t3 = performance.now();
  if (!compiled.usedCache || compiled.script.cachedDataRejected) throw new Error('the code cache was not used');
  process.on('exit', () => writeFileSync(process.env.OUT, JSON.stringify({ bootstrap: performance.nodeTiming.bootstrapComplete, beforeLoad: t0, compile: t1 - t0, top: t2 - t1, main: t3 - t2, exit: performance.now() })));
});
`);
  const keys = ['bootstrap', 'beforeLoad', 'compile', 'top', 'main', 'exit'];
  const runs = Object.fromEntries([...keys, 'wall', 'bare'].map((k) => [k, []]));
  const out = path.join(tmp, 'timeline.json');
  for (let i = 0; i < 15; i++) {
    let s = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [probe], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, OUT: out } });
    if (r.status !== 1) throw new Error(`timeline probe exited ${r.status}: ${r.stderr}`);
    runs.wall.push(Number(process.hrtime.bigint() - s) / 1e6);
    const t = JSON.parse(readFileSync(out, 'utf8'));
    for (const k of keys) runs[k].push(t[k]);
    s = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    runs.bare.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const f = (k) => `${median(runs[k]).toFixed(1)} ms`;
  console.log('\n=== start-up timeline of `accord check one.yaml`, median of 15 (ms since process start, except durations)');
  console.log(`  node bootstrap complete              ${f('bootstrap')}`);
  console.log(`  probe starts loading the CLI         ${f('beforeLoad')}`);
  console.log(`  read dist/cli.cjs + cache, compile   ${f('compile')}`);
  console.log(`  run the bundle's top level           ${f('top')}`);
  console.log(`  main(): load policy, check, report   ${f('main')}`);
  console.log(`  exit event                           ${f('exit')}`);
  console.log(`  wall time, spawn to exit             ${f('wall')}     (node -e '': ${f('bare')})`);
}
