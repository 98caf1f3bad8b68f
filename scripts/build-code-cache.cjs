'use strict';
// Writes DIST/cli.cjs.cache: runs the CLI bundle once on the bundled examples (JSON, YAML and
// JSONL, approvals, waivers; text output, as a hook run prints), then saves V8's code cache, which
// then holds the functions that run compiled. Fewer functions make a smaller cache, and every run
// reads the whole cache: the other formats are left out. Run by scripts/build.mjs in a child process
// of its own, with the same Node and V8 flags as `accord` itself.
//   node scripts/build-code-cache.cjs DIST [FINAL_DIST]   (FINAL_DIST: where DIST will be moved to)
const path = require('node:path');
const { compile, run, save } = require('../bin/code-cache.cjs');

const dist = path.resolve(process.argv[2] ?? 'dist');
const repo = path.resolve(__dirname, '..');
const examples = path.join(repo, 'fixtures', 'examples');
const file = path.join(dist, 'cli.cjs');
const finalFile = path.join(path.resolve(process.argv[3] ?? dist), 'cli.cjs');

async function main() {
  const { script, source } = compile(file, { fresh: true, filename: finalFile });
  const cli = run(script, finalFile);
  // Written to stdout, as a hook run prints: the cache then holds that path, not --output's.
  const sink = { write: (_text, done) => done?.(null) };
  const io = { stdout: sink, stderr: sink, stdin: (async function* () {})(), env: { NO_COLOR: '1' }, cwd: repo };
  const args = ['check', path.join(examples, 'deployments'), '--approvals', path.join(examples, 'approvals.yaml'), '--waivers', path.join(examples, 'waivers.yaml'), '--fail-on', 'never'];
  const code = await cli.main(args, io);
  if (code !== 0) throw new Error(`accord ${args.join(' ')} exited ${code}`);
  save(file, script, source);
}

main().catch((error) => {
  process.stderr.write(`build-code-cache: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
