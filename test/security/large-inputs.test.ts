// Hostile-input matrix (issue 5), large inputs: size and line limits, and a long JSONL stream with
// one bad line. The CLI runs with a capped heap (harness.ts), so "bounded memory" is tested too:
// a loader that held the 50 MB line, or the whole stream, would crash instead of reporting.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/index.js';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { cliReport, expectCleanExit, expectFailClosed, expectHostile, GOOD_FILE, goodViolating, runCli, runLibrary } from './harness.js';

const MiB = 1024 * 1024;

/** Writes `lines` to a file as a stream, so the test itself never holds 50 MB in one string. */
async function writeLines(dir: TempDir, name: string, lines: Iterable<string | Buffer>): Promise<void> {
  const out = createWriteStream(dir.path(name));
  for (const line of lines) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function* fiftyMegabyteLine(): Generator<Buffer> {
  yield Buffer.from(`${JSON.stringify(manifest({ name: 'before-long-line' }))}\n`);
  yield Buffer.from('{"apiVersion":"accord/v1","kind":"Deployment","metadata":{"name":"');
  const chunk = Buffer.alloc(MiB, 'x');
  for (let i = 0; i < 50; i++) yield chunk;
  yield Buffer.from('","date":"2027-03-01"}}\n');
  yield Buffer.from(`${JSON.stringify(manifest({ name: 'after-long-line', provider: 'oracle' }))}\n`);
}

async function withDir(fn: (dir: TempDir) => Promise<void>): Promise<void> {
  const dir = await makeTempDir('accord-limits-');
  try {
    await dir.write(GOOD_FILE, goodViolating);
    await fn(dir);
  } finally {
    await dir.cleanup();
  }
}

describe('hostile deployment files: size', () => {
  it('a JSON file one byte over maxFileBytes (10 MiB): refused before it is read', async () => {
    const size = defaultLimits.maxFileBytes + 1;
    const padding = ' '.repeat(size - 2);
    await expectHostile({
      files: { 'big.json': `{${padding}}` },
      expected: () => [{ file: 'big.json', code: 'FILE_TOO_LARGE', words: [new RegExp(`${size} bytes`), /over the limit of 10485760/, /maxFileBytes/] }],
    });
  });

  it('a YAML file over maxFileBytes: refused, and the message says JSONL is streamed', async () => {
    const text = `# ${'x'.repeat(defaultLimits.maxFileBytes)}\n`;
    await expectHostile({
      files: { 'big.yaml': text },
      expected: () => [{ file: 'big.yaml', code: 'FILE_TOO_LARGE', words: [/over the limit/, /JSONL/] }],
    });
  });

  // The YAML parser spends about 20 µs and 2 KB per node: before maxYamlNodes, this 10 MB file took
  // three minutes and 4.4 GB; at the limit (250,000) the worst case is seconds and a few hundred MB.
  it('a YAML flood of tiny nodes (5 million flow items in 10 MB): refused before parsing, at the item over the limit', async () => {
    const head = 'apiVersion: accord/v1\nkind: Deployment\nspec:\n  region: [';
    const text = `${head}${'0,'.repeat(5_000_000)}0]\n`;
    await expectHostile({
      files: { 'flood.yaml': text },
      expected: () => [
        { file: 'flood.yaml', code: 'TOO_MANY_NODES', line: 4, column: '  region: ['.length + 2 * (defaultLimits.maxYamlNodes - 3) + 2, words: [/more than 250000 YAML lines and flow items/, /maxYamlNodes/, /JSONL/] },
      ],
    });
  });

  it('a YAML flood of block entries (2.6 million `- 0` lines): refused at the line over the limit', async () => {
    const text = `a:\n${'- 0\n'.repeat(2_600_000)}`;
    await expectHostile({
      files: { 'flood-block.yaml': text },
      expected: () => [{ file: 'flood-block.yaml', code: 'TOO_MANY_NODES', line: defaultLimits.maxYamlNodes + 1, words: [/maxYamlNodes/] }],
    });
  });

  it('a YAML flood just under maxYamlNodes: parsed within the time limit and the capped heap', () =>
    withDir(async (dir) => {
      const text = `${goodViolating.replace('name: good-violator', 'name: under-flood')}  region: [${'0,'.repeat(defaultLimits.maxYamlNodes - 100)}0]\n`;
      await dir.write('under.yaml', text);
      const run = runCli(['under.yaml', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(run, 2);
      expect(run.ms).toBeLessThan(20_000);
      expectFailClosed(cliReport(run), [{ file: 'under.yaml', code: 'SCHEMA_ERROR', path: 'spec.region', words: [/must be string/] }], null);
    }));

  it('a 50 MB single line in JSONL: skipped with its line number, never held whole; the lines around it checked', async () => {
    await expectHostile({
      setup: (dir) => writeLines(dir, 'long-line.jsonl', fiftyMegabyteLine()),
      expected: () => [{ file: 'long-line.jsonl', code: 'LINE_TOO_LONG', line: 2, column: 1, words: [/longer than the limit of 1048576 bytes/, /maxLineBytes/, /skipped/] }],
      also: (report) => {
        expect(report.summary.deployments).toBe(3);
        // The line after the long one is read and evaluated, at its own line number.
        expect(report.findings.find((f) => f.deployment === 'after-long-line')).toMatchObject({ file: 'long-line.jsonl', line: 3, rule: 'api-exclusive-to-azure' });
      },
    });
  }, 120_000);

  it('one malformed line in the middle of a 100,000-line JSONL: reported at its line, all the others checked', async () => {
    const total = 100_000;
    const bad = 50_000;
    const broken = '{"apiVersion": "accord/v1", "kind": ';
    function* lines(): Generator<string> {
      for (let i = 1; i <= total; i++) {
        if (i === bad) yield `${broken}\n`;
        // Compliant lines, except the last: proof that evaluation went on to the end of the stream.
        else yield `${JSON.stringify(manifest({ name: `line-${i}`, provider: i === total ? 'oracle' : 'azure' }))}\n`;
      }
    }
    await expectHostile({
      setup: (dir) => writeLines(dir, 'inventory.jsonl', lines()),
      expected: () => [{ file: 'inventory.jsonl', code: 'PARSE_ERROR', line: bad, column: broken.length + 1, words: [/invalid JSON/, /expected a value/] }],
      also: (report) => {
        expect(report.problems).toHaveLength(1);
        expect(report.summary.deployments).toBe(total - 1 + 1);
        expect(report.summary.files).toBe(2);
        expect(report.findings.find((f) => f.deployment === `line-${total}`)).toMatchObject({ file: 'inventory.jsonl', line: total, rule: 'api-exclusive-to-azure' });
        expect(report.findings).toHaveLength(2);
      },
    });
  }, 120_000);
});

/** A valid deployment of about 2 MiB: the schema's most labels and annotations, each of the longest value. */
function fatManifest(name: string, provider: string): Record<string, unknown> {
  const map = (prefix: string): Record<string, string> => Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`${prefix}${i}`, 'v'.repeat(4096)]));
  const m = manifest({ name, provider }) as { metadata: Record<string, unknown> };
  m.metadata.labels = map('l');
  m.metadata.annotations = map('a');
  return m;
}

describe('limits can be lowered and raised, by flag and by config', () => {
  it('--max-file-bytes lowers the size limit; the library takes the same as limits.maxFileBytes', () =>
    withDir(async (dir) => {
      await dir.write('small.json', `${JSON.stringify(manifest({ name: 'small' }), null, 2)}\n`);
      const run = runCli(['small.json', GOOD_FILE, '--format', 'json', '--max-file-bytes', '100'], { cwd: dir.dir });
      expectCleanExit(run, 2);
      // good.yaml is over 100 bytes too: both refused, nothing evaluated.
      const expected = [
        { file: 'small.json', code: 'FILE_TOO_LARGE' as const, words: [/over the limit of 100/] },
        { file: GOOD_FILE, code: 'FILE_TOO_LARGE' as const, words: [/over the limit of 100/] },
      ];
      expectFailClosed(cliReport(run), expected, null);
      expectFailClosed((await runLibrary(dir.dir, ['small.json', GOOD_FILE], { limits: { maxFileBytes: 100 } })).report, expected, null);
    }));

  it('--max-depth, --max-aliases, --max-line-bytes and --max-yaml-nodes lower their limits', () =>
    withDir(async (dir) => {
      // good.yaml nests 3 levels (spec.capacity.gpus) in 13 lines, so it passes these limits.
      await dir.write('nested.yaml', 'a: {b: {c: {d: {e: 1}}}}\n');
      await dir.write('aliases.yaml', 'x: &x 1\ny: [*x, *x, *x]\n');
      await dir.write('lines.jsonl', `${JSON.stringify(manifest({ name: 'line-one' }))}\n`);
      await dir.write('crowded.yaml', `a: [${'1,'.repeat(30)}1]\n`);
      const run = runCli(['.', '--format', 'json', '--max-depth', '4', '--max-aliases', '2', '--max-line-bytes', '50', '--max-yaml-nodes', '20'], { cwd: dir.dir });
      expectCleanExit(run, 2);
      expectFailClosed(cliReport(run), [
        { file: 'nested.yaml', code: 'TOO_DEEP', line: 1, words: [/deeper than 4 levels/] },
        { file: 'aliases.yaml', code: 'TOO_MANY_ALIASES', line: 1, column: 1, words: [/maxAliases 2/] },
        { file: 'lines.jsonl', code: 'LINE_TOO_LONG', line: 1, column: 1, words: [/limit of 50 bytes/] },
        { file: 'crowded.yaml', code: 'TOO_MANY_NODES', line: 1, column: 4 + 2 * 20 + 2, words: [/more than 20 YAML lines/] },
      ]);
    }));

  it('config "limits" raises maxYamlNodes: a YAML file refused by default is read', () =>
    withDir(async (dir) => {
      const text = `${goodViolating.replace('name: good-violator', 'name: crowded')}  region: [${'0,'.repeat(defaultLimits.maxYamlNodes)}0]\n`;
      await dir.write('crowded.yaml', text);
      const refused = runCli(['crowded.yaml', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(refused, 2);
      expectFailClosed(cliReport(refused), [{ file: 'crowded.yaml', code: 'TOO_MANY_NODES', line: 14, words: [/maxYamlNodes/] }], null);
      await dir.write('accord.config.json', JSON.stringify({ limits: { maxYamlNodes: 2 * defaultLimits.maxYamlNodes } }));
      const read = runCli(['crowded.yaml', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(read, 2);
      expectFailClosed(cliReport(read), [{ file: 'crowded.yaml', code: 'SCHEMA_ERROR', path: 'spec.region', words: [/must be string/] }], null);
    }));

  it('config "limits" raises the size limit: a 12 MiB file refused by default is read', () =>
    withDir(async (dir) => {
      const fat = Array.from({ length: 6 }, (_, i) => fatManifest(`fat-${i}`, i === 5 ? 'oracle' : 'azure'));
      await dir.write('fat.json', JSON.stringify(fat));
      // Paths given, not '.': accord.config.json is a .json file, and would be read as a manifest.
      const refused = runCli(['fat.json', GOOD_FILE, '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(refused, 2);
      expectFailClosed(cliReport(refused), [{ file: 'fat.json', code: 'FILE_TOO_LARGE', words: [/over the limit/] }]);

      await dir.write('accord.config.json', JSON.stringify({ limits: { maxFileBytes: 16 * MiB } }));
      const run = runCli(['fat.json', GOOD_FILE, '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(run, 1);
      const report = cliReport(run);
      expect(report.problems).toEqual([]);
      expect(report.summary).toMatchObject({ files: 2, deployments: 7 });
      expect(report.findings.map((f) => f.deployment).sort()).toEqual(['fat-5', 'good-violator']);
    }));

  it('--max-line-bytes raises the line limit: a 2 MiB JSONL record refused by default is read', () =>
    withDir(async (dir) => {
      await dir.write('fat.jsonl', `${JSON.stringify(fatManifest('fat-line', 'oracle'))}\n`);
      const refused = runCli(['.', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(refused, 2);
      expectFailClosed(cliReport(refused), [{ file: 'fat.jsonl', code: 'LINE_TOO_LONG', line: 1, words: [/maxLineBytes/] }]);

      const run = runCli(['.', '--format', 'json', '--max-line-bytes', String(4 * MiB)], { cwd: dir.dir });
      expectCleanExit(run, 1);
      const report = cliReport(run);
      expect(report.problems).toEqual([]);
      expect(report.findings.map((f) => f.deployment).sort()).toEqual(['fat-line', 'good-violator']);
    }));

  it('a 10 MiB JSON file that is nearly all whitespace, at the default limits: checked in bounded time and memory', () =>
    withDir(async (dir) => {
      const text = JSON.stringify(manifest({ name: 'airy', provider: 'oracle' }));
      await dir.write('airy.json', `${text}${' '.repeat(defaultLimits.maxFileBytes - text.length)}`);
      const run = runCli(['.', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(run, 1);
      expect(cliReport(run).findings.map((f) => f.deployment).sort()).toEqual(['airy', 'good-violator']);
    }));

  it.each([
    ['--max-depth', '0'],
    ['--max-file-bytes', '-5'],
    ['--max-aliases', 'lots'],
  ])('a nonsense limit (%s %s) is a usage error: exit 2, no stack', (flag, value) =>
    withDir(async (dir) => {
      const run = runCli(['.', flag, value], { cwd: dir.dir });
      expectCleanExit(run, 2);
      expect(run.stderr).toMatch(/positive whole number/);
      expect(run.stdout).toBe('');
    }));

  it('a nonsense limit in the config is a config error: exit 2, naming the file', () =>
    withDir(async (dir) => {
      await dir.write('accord.config.json', '{\n  "limits": { "maxDepth": -1 }\n}\n');
      const run = runCli(['.'], { cwd: dir.dir });
      expectCleanExit(run, 2);
      expect(run.stderr).toMatch(/accord\.config\.json:2:\d+: limits\.maxDepth: must be >= 1/);
      expect(run.stdout).toBe('');
    }));
});
