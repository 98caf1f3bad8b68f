// Two builds of accord side by side on the scenario-2 corpus, with the floor: the way to tell
// whether a change made the 10,000-JSON-file run faster on a machine whose speed drifts from one
// day to the next more than accord does (a ratio from another day compares little).
//
//   node bench/compare.mjs OTHER_CHECKOUT [--runs N] [--files N]
//
// OTHER_CHECKOUT is another clone or worktree of accord, built (`npm ci && npm run build` there).
// This checkout must be built too. Runs the floor, the other build and this one in turn, N times
// (default 9), and prints the median wall time of each and its ratio to the floor.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCorpusDir, DEFAULT_SEED, removeCorpusDir, writeApprovals, writeFiles } from './corpus.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const other = args[0];
const runs = option('--runs', 9);
const files = option('--files', 10_000);
const bins = { other: other && path.resolve(other, 'bin', 'accord.cjs'), this: path.resolve(benchDir, '..', 'bin', 'accord.cjs') };
if (!other || other.startsWith('--') || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(files) || files < 1) {
  console.error('usage: node bench/compare.mjs OTHER_CHECKOUT [--runs N] [--files N]');
  process.exit(2);
}
for (const bin of Object.values(bins)) {
  if (!existsSync(path.join(path.dirname(bin), '..', 'dist', 'cli.cjs'))) {
    console.error(`${path.resolve(bin, '..', '..')} is not built: run npm ci && npm run build there`);
    process.exit(2);
  }
}

const dir = createCorpusDir();
try {
  const approvals = writeApprovals(dir);
  const corpus = writeFiles(dir, 'json', files, DEFAULT_SEED, 'json');
  const commands = {
    floor: [path.join(benchDir, 'floor-json.mjs'), corpus.dir],
    other: [bins.other, 'check', corpus.dir, '--format', 'json', '--approvals', approvals],
    this: [bins.this, 'check', corpus.dir, '--format', 'json', '--approvals', approvals],
  };
  const expected = { floor: 0, other: 1, this: 1 };
  const times = { floor: [], other: [], this: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, commandArgs] of Object.entries(commands)) {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
      if (run.status !== expected[name]) throw new Error(`${name} exited ${run.status} (expected ${expected[name]}): ${run.stderr.slice(0, 500)}`);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
  const floor = median(times.floor);
  console.log(`${files} JSON files (${corpus.violating} violating), ${runs} interleaved runs each, medians:`);
  for (const [name, list] of Object.entries(times)) {
    const label = name === 'floor' ? 'floor-json' : `${name === 'this' ? 'this checkout' : other}`;
    console.log(`  ${label.padEnd(40)} ${median(list).toFixed(0).padStart(6)} ms   ${(median(list) / floor).toFixed(2)}x the floor`);
  }
} finally {
  removeCorpusDir(dir);
}
