// Robustness properties (issue 5): random bytes, random JSON and YAML values and random mutations
// of valid manifests never make policy.check throw anything but AccordError, never make checkFiles
// or checkStream throw at all (bad input is a problem in the report), never pass silently (an input
// yields a deployment or a problem), and never make the CLI exit with anything but 0, 1 or 2 or
// print a stack trace. Object.prototype is checked after every case.

import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccordError, exitCode, loadPolicy, type Policy, type Report } from '../../src/index.js';
import { approvalsDocument, referenceRegistry } from '../support/arbitraries.js';
import { compareFindings, referenceFindings, type Deployment } from '../support/reference-rules.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { cliReport, expectCleanExit, expectSameVerdict, runCli } from '../security/harness.js';
import { mutatedDeployment } from './mutations.js';
import { expectNoPollution, replay, runs } from './seed.js';

let tmp: TempDir;
let compiled: Policy;
let engine: Policy;

beforeAll(async () => {
  tmp = await makeTempDir('accord-robustness-');
  const approvals = await tmp.write('approvals.json', JSON.stringify(approvalsDocument(referenceRegistry)));
  compiled = await loadPolicy({ approvals });
  engine = await loadPolicy({ approvals, evaluator: 'json-rules-engine' });
});

afterAll(() => tmp.cleanup());

/** Anything a caller could hand policy.check, hostile shapes included. */
const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  maxDepth: 4,
});

/** policy.check either returns findings or throws AccordError INVALID_DEPLOYMENT with its issues. */
async function checkOrRefuse(policy: Policy, value: unknown): Promise<{ findings?: Awaited<ReturnType<Policy['check']>>; error?: AccordError }> {
  try {
    return { findings: await policy.check(value) };
  } catch (error) {
    expect(error, `policy.check threw something other than AccordError (${replay}): ${String(error)}`).toBeInstanceOf(AccordError);
    const accord = error as AccordError;
    expect(accord.code).toBe('INVALID_DEPLOYMENT');
    expect(accord.issues.length).toBeGreaterThan(0);
    expect(accord.message).not.toMatch(/\n {4}at /);
    return { error: accord };
  }
}

/** What every report must be, whatever went in. */
function expectFailClosedReport(report: Report, what: string): void {
  const code = exitCode(report, 'error');
  expect([0, 1, 2], `${what} (${replay})`).toContain(code);
  if (report.problems.length > 0) expect(code, `${what}: problems must exit 2 (${replay})`).toBe(2);
  expect(report.summary.deployments + report.problems.length, `${what}: nothing found and nothing reported is a silent pass (${replay})`).toBeGreaterThan(0);
  for (const problem of report.problems) {
    expect(problem.file).not.toBe('');
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message.length, `${what}: message too long (${replay}): ${problem.message.slice(0, 120)}`).toBeLessThanOrEqual(1000);
    expect(problem.message).not.toMatch(/\n {4}at /);
  }
}

async function* once(bytes: Uint8Array): AsyncGenerator<Buffer> {
  yield Buffer.from(bytes);
}

const formats = fc.constantFrom<'json' | 'yaml' | 'jsonl' | undefined>(undefined, 'json', 'yaml', 'jsonl');

/** Text that reaches the parsers: JSON and YAML of random values and of mutated manifests, and text-like junk. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => yamlStringify(v)),
  mutatedDeployment.map((v) => JSON.stringify(v) ?? 'null'),
  mutatedDeployment.map((v) => yamlStringify(v)),
  fc.array(mutatedDeployment, { minLength: 1, maxLength: 4 }).map((list) => list.map((v) => JSON.stringify(v)).join('\n')),
  fc.array(mutatedDeployment, { minLength: 1, maxLength: 4 }).map((list) => list.map((v) => yamlStringify(v)).join('---\n')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ':', ',', '"', '-', ' ', '\n', '\t', '#', '&', '*', '!', '|', '>', "'", 'a', '1', '?', '%', '@', '`', '\\'), maxLength: 200 }),
);

const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(fc.uint8Array({ maxLength: 2048 }), hostileText.map((t) => new TextEncoder().encode(t)));

describe('robustness: the library', () => {
  it('policy.check on any value throws nothing but AccordError', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        await checkOrRefuse(compiled, value);
        await checkOrRefuse(engine, value);
        expectNoPollution();
      }),
      runs(1500),
    );
  });

  it('policy.check on random JSON values throws nothing but AccordError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await checkOrRefuse(compiled, value);
        expectNoPollution();
      }),
      runs(1000),
    );
  });

  it('policy.check on mutated manifests: AccordError, or (when still valid) the reference findings, the same from both evaluators', async () => {
    let stillValid = 0;
    await fc.assert(
      fc.asyncProperty(mutatedDeployment, async (value) => {
        const a = await checkOrRefuse(compiled, value);
        const b = await checkOrRefuse(engine, value);
        expect(a.error?.issues, `evaluators disagree on validity (${replay})`).toEqual(b.error?.issues);
        if (a.findings) {
          stillValid++;
          expect(a.findings, `compiled vs json-rules-engine (${replay})`).toEqual(b.findings);
          const essence = a.findings.map((f) => ({ rule: f.rule, path: f.path })).sort(compareFindings);
          expect(essence, `reference (${replay})`).toEqual(referenceFindings(value as Deployment, referenceRegistry));
        }
        expectNoPollution();
      }),
      runs(2000),
    );
    // Some mutations keep the manifest valid (a dropped optional field): the comparison above ran.
    expect(stillValid).toBeGreaterThan(0);
  });

  it('checkStream on random bytes and hostile text never throws, never passes silently', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBytes, formats, async (bytes, format) => {
        const report = await compiled.checkStream(once(bytes), format === undefined ? {} : { format });
        expectFailClosedReport(report, `checkStream (${format ?? 'detected'})`);
        expectNoPollution();
      }),
      runs(2500),
    );
  });

  it('checkFiles on random files of every kind never throws, never passes silently, names the file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileBytes, fc.constantFrom('json', 'yaml', 'yml', 'jsonl', 'ndjson'), async (bytes, ext) => {
        const name = `case-${n++}.${ext}`;
        await tmp.write(`files/${name}`, bytes);
        const report = await compiled.checkFiles(`files/${name}`, { cwd: tmp.dir });
        expectFailClosedReport(report, `checkFiles ${name}`);
        for (const problem of report.problems) expect(problem.file).toBe(`files/${name}`);
        expectNoPollution();
      }),
      runs(400),
    );
  });
});

describe('robustness: the CLI', () => {
  it('exits 0, 1 or 2 on folders of random files, never with a stack trace, and agrees with the library', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileBytes, hostileText, fc.array(mutatedDeployment, { minLength: 1, maxLength: 5 }), async (bytes, text, deployments) => {
        const dir = `cli-${n++}`;
        await tmp.write(`${dir}/bytes.json`, bytes);
        await tmp.write(`${dir}/text.yaml`, text);
        await tmp.write(`${dir}/mutated.jsonl`, deployments.map((d) => JSON.stringify(d) ?? 'null').join('\n'));
        const run = runCli(['.', '--format', 'json', '--approvals', tmp.path('approvals.json')], { cwd: tmp.path(dir) });
        expectCleanExit(run, [0, 1, 2]);
        const report = cliReport(run);
        expect(run.status).toBe(exitCode(report, 'error'));
        expectFailClosedReport(report, `CLI on ${dir}`);
        const library = await compiled.checkFiles('.', { cwd: tmp.path(dir) });
        expectSameVerdict(report, library);
        expectNoPollution();
      }),
      runs(50),
    );
  });
});
