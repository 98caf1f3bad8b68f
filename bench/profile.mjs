// Where the time goes: CPU profiles of accord on the benchmark corpora, summarised.
//
//   node bench/profile.mjs cold|json|yaml|jsonl|inproc [--count N] [--interval MICROSECONDS]
//
// Builds a copy of the bundle WITH source maps into a temporary folder (same esbuild options as
// scripts/build.mjs, plus sourcemap and metafile; src/schema/generated must exist, i.e. run
// `npm run build` once first), generates the scenario's corpus with bench/corpus.mjs, runs the CLI
// (or policy.check for `inproc`) under `node --cpu-prof`, and prints self time by function and by
// package/source file, mapped back through the source maps. The source-mapped build is kept in
// bench/profiles/app/ and the .cpuprofile files in bench/profiles/ (both git-ignored), so
// `node bench/cpuprofile-summary.mjs bench/profiles/SCENARIO.cpuprofile` maps them again later, and
// Chrome DevTools / speedscope can open them.
//
// `cold` also prints which packages the start-up path loads (from the esbuild metafile: chunks
// reachable by static imports from dist/cli.js) and a start-up timeline (node bootstrap, import of
// dist/cli.js, main()) as a median of 15 runs without the profiler.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options.mjs';
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
  const bin = path.join(app, 'bin', 'accord.js');
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
    startupComposition(meta);
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

/** The bundle as scripts/build.mjs makes it, plus source maps and a metafile; bin/, rules/ copied. */
async function buildWithSourceMaps(target) {
  rmSync(target, { recursive: true, force: true });
  const result = await esbuild.build({
    ...bundleOptions,
    absWorkingDir: repo,
    outdir: path.join(target, 'dist'),
    sourcemap: true,
    metafile: true,
  });

  for (const dir of ['bin', 'rules']) cpSync(path.join(repo, dir), path.join(target, dir), { recursive: true });
  copyFileSync(path.join(repo, 'package.json'), path.join(target, 'package.json'));
  // node_modules (a few ajv runtime helpers are required at run time) resolves up the tree: /work/…/node_modules.
  return result.metafile;
}

function packageOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) return m[1];
  if (input.startsWith('src/')) return `accord ${input.split('/').slice(0, 2).join('/')}`;
  return input;
}

/** Which packages the CLI's start-up path loads: outputs reachable from cli.js by static imports. */
function startupComposition(meta) {
  const outputs = meta.outputs;
  const key = Object.keys(outputs).find((k) => k.endsWith('/dist/cli.js') || k === 'dist/cli.js');
  const reach = new Set();
  const lazy = new Set();
  const visit = (k) => {
    if (reach.has(k) || !outputs[k]) return;
    reach.add(k);
    for (const imp of outputs[k].imports) {
      if (imp.external) continue;
      if (imp.kind === 'import-statement') visit(imp.path);
      else if (imp.kind === 'dynamic-import') lazy.add(imp.path);
    }
  };
  visit(key);
  const sum = (set) => {
    const by = new Map();
    for (const k of set) for (const [input, v] of Object.entries(outputs[k].inputs)) by.set(packageOf(input), (by.get(packageOf(input)) ?? 0) + v.bytesInOutput);
    return [...by].sort((a, b) => b[1] - a[1]);
  };
  const kb = (n) => `${(n / 1e3).toFixed(1).padStart(7)} kB`;
  const total = [...reach].reduce((s, k) => s + outputs[k].bytes, 0);
  console.log(`\n=== start-up path: ${reach.size} files, ${kb(total).trim()} of JavaScript loaded by \`accord check\` before main() runs`);
  for (const k of reach) console.log(`  ${path.basename(k).padEnd(36)} ${kb(outputs[k].bytes)}`);
  console.log('-- by package/source folder (bytes in the bundle):');
  for (const [name, bytes] of sum(reach)) if (bytes > 500) console.log(`  ${kb(bytes)}  ${name}`);
  const lazyOnly = [...lazy].filter((k) => !reach.has(k));
  if (lazyOnly.length > 0) {
    console.log(`-- loaded on demand (dynamic import), not at start-up: ${lazyOnly.map((k) => path.basename(k)).join(', ')}`);
    for (const [name, bytes] of sum(new Set(lazyOnly))) if (bytes > 500) console.log(`  ${kb(bytes)}  ${name}`);
  }
}

/** Median start-up timeline over 15 runs: bootstrap, import of dist/cli.js, main(), and node -e ''. */
function timeline(app, cwd) {
  const probe = path.join(tmp, 'timeline.mjs');
  writeFileSync(probe, `
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
const t0 = performance.now();
const { main } = await import(${JSON.stringify(`file://${path.join(app, 'dist', 'cli.js')}`)});
const t1 = performance.now();
process.exitCode = await main(['check', 'one.yaml']);
const t2 = performance.now();
process.on('exit', () => writeFileSync(process.env.OUT, JSON.stringify({ bootstrap: performance.nodeTiming.bootstrapComplete, beforeImport: t0, import: t1 - t0, main: t2 - t1, exit: performance.now() })));
`);
  const runs = { bootstrap: [], beforeImport: [], import: [], main: [], exit: [], wall: [], bare: [] };
  const out = path.join(tmp, 'timeline.json');
  for (let i = 0; i < 15; i++) {
    let s = process.hrtime.bigint();
    spawnSync(process.execPath, [probe], { cwd, stdio: 'ignore', env: { ...process.env, OUT: out } });
    runs.wall.push(Number(process.hrtime.bigint() - s) / 1e6);
    const t = JSON.parse(readFileSync(out, 'utf8'));
    for (const k of ['bootstrap', 'beforeImport', 'import', 'main', 'exit']) runs[k].push(t[k]);
    s = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    runs.bare.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const f = (k) => `${median(runs[k]).toFixed(1)} ms`;
  console.log('\n=== start-up timeline of `accord check one.yaml`, median of 15 (ms since process start, except durations)');
  console.log(`  node bootstrap complete        ${f('bootstrap')}`);
  console.log(`  probe starts importing cli.js  ${f('beforeImport')}`);
  console.log(`  import dist/cli.js (load+eval) ${f('import')}   <- module load`);
  console.log(`  main(): load policy, check, report ${f('main')}`);
  console.log(`  exit event                     ${f('exit')}`);
  console.log(`  wall time, spawn to exit       ${f('wall')}     (node -e '': ${f('bare')})`);
}
