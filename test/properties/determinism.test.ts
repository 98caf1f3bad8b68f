// Determinism (issue 5): two CLI runs over the same inputs give byte-identical JSON, SARIF and
// JUnit. The two runs read two copies of the folder written in opposite orders (so nothing may
// depend on directory order), and the json-rules-engine evaluator must print the same bytes as
// the compiled one. The inputs: the example deployments, generated ones in every format, and a
// few broken files, so problems are ordered too.

import fc from 'fast-check';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueDeployments } from '../support/arbitraries.js';
import { manifestYaml } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { cliReport, expectCleanExit, repoRoot, runCli } from '../security/harness.js';
import { replay, seed } from './seed.js';

const examples = path.join(repoRoot, 'fixtures', 'examples');
const FORMATS = ['json', 'sarif', 'junit'] as const;

let first: TempDir;
let second: TempDir;

async function inputs(): Promise<[string, string][]> {
  const files: [string, string][] = [];
  for (const name of (await readdir(path.join(examples, 'deployments'))).sort()) {
    files.push([`examples/${name}`, await readFile(path.join(examples, 'deployments', name), 'utf8')]);
  }
  const [jsonl, yaml, json] = fc.sample(uniqueDeployments({ minLength: 40, maxLength: 60 }), { seed, numRuns: 3 }).map((batch, i) =>
    batch.map((d) => ({ ...d, metadata: { ...d.metadata, name: `gen${i}-${d.metadata.name}`.slice(0, 63) } })),
  );
  files.push(['generated/batch.jsonl', (jsonl ?? []).map((d) => JSON.stringify(d)).join('\n')]);
  files.push(['generated/batch.yaml', (yaml ?? []).map((d) => JSON.stringify(d, null, 2)).join('\n---\n')]);
  files.push(['generated/batch.json', JSON.stringify(json ?? [], null, 2)]);
  files.push(['broken/truncated.json', '{"apiVersion": "accord/v1", "kind": ']);
  files.push(['broken/dup.yaml', manifestYaml({ name: 'dup' }).replace('  provider: azure', '  provider: azure\n  provider: oracle')]);
  files.push(['broken/typo.yaml', manifestYaml({ name: 'typo' }).replace('workload:', 'workloud:')]);
  files.push(['broken/twin.yaml', `${manifestYaml({ name: 'twin', provider: 'oracle' })}---\n${manifestYaml({ name: 'twin', provider: 'gcp' })}`]);
  return files;
}

beforeAll(async () => {
  const files = await inputs();
  first = await makeTempDir('accord-determinism-a-');
  second = await makeTempDir('accord-determinism-b-');
  for (const [name, text] of files) await first.write(name, text);
  for (const [name, text] of [...files].reverse()) await second.write(name, text);
});

afterAll(async () => {
  await first.cleanup();
  await second.cleanup();
});

const check = (dir: TempDir, format: string, evaluator = 'compiled'): string => {
  const run = runCli(
    ['.', '--format', format, '--as-of', '2027-06-01', '--approvals', path.join(examples, 'approvals.yaml'), '--waivers', path.join(examples, 'waivers.yaml'), '--evaluator', evaluator],
    { cwd: dir.dir },
  );
  expectCleanExit(run, 2);
  return run.stdout;
};

describe('determinism: byte-identical reports', () => {
  it.each(FORMATS)('%s: two runs over the same inputs (written in opposite orders) print the same bytes', (format) => {
    const a = check(first, format);
    const b = check(second, format);
    expect(a.length).toBeGreaterThan(1000);
    expect(b === a, `${format} output differs between two runs (${replay})`).toBe(true);
  });

  it.each(FORMATS)('%s: the json-rules-engine evaluator prints the same bytes as the compiled one', (format) => {
    expect(check(first, format, 'json-rules-engine') === check(first, format), `${format} differs between evaluators (${replay})`).toBe(true);
  });

  it('the report is not vacuous: findings, waived findings, problems and notices are all in it', () => {
    const report = cliReport({ status: 2, signal: null, stdout: check(first, 'json'), stderr: '', timedOut: false, ms: 0 });
    expect(report.findings.length).toBeGreaterThan(20);
    expect(report.findings.some((f) => f.waived)).toBe(true);
    expect(new Set(report.problems.map((p) => p.code))).toEqual(new Set(['PARSE_ERROR', 'DUPLICATE_KEY', 'SCHEMA_ERROR', 'DUPLICATE_NAME']));
    expect(report.notices.length).toBeGreaterThan(0);
  });
});
