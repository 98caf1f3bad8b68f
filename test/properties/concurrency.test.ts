// Concurrency property (issue 5): policy.check over 1,000 deployments with Promise.all gives the
// same findings as one by one, for both evaluators (json-rules-engine silently skips rules when
// runs overlap on one engine: accord must never let them). checkFiles and checkStream are run
// concurrently on one policy too.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, type Finding, type Policy, type Report } from '../../src/index.js';
import { approvalsDocument, referenceRegistry, uniqueDeployments, validDeployment } from '../support/arbitraries.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { expectNoPollution, replay, seed } from './seed.js';

const COUNT = 1_000;

let tmp: TempDir;
let approvals: string;

beforeAll(async () => {
  tmp = await makeTempDir('accord-concurrency-');
  approvals = await tmp.write('approvals.json', JSON.stringify(approvalsDocument(referenceRegistry)));
});

afterAll(() => tmp.cleanup());

const deployments = fc.sample(validDeployment(referenceRegistry), { seed, numRuns: COUNT });

describe.each(['compiled', 'json-rules-engine'] as const)('concurrency (%s evaluator)', (evaluator) => {
  let policy: Policy;
  beforeAll(async () => {
    policy = await loadPolicy({ approvals, evaluator });
  });

  it(`policy.check over ${COUNT} deployments: Promise.all gives the findings of one by one`, async () => {
    const oneByOne: Finding[][] = [];
    for (const deployment of deployments) oneByOne.push(await policy.check(deployment));
    const together = await Promise.all(deployments.map((deployment) => policy.check(deployment)));
    expect(together, `concurrent findings differ (${replay})`).toEqual(oneByOne);
    // Not vacuous: most deployments have findings, and several rules are involved.
    expect(oneByOne.filter((f) => f.length > 0).length).toBeGreaterThan(COUNT / 2);
    expect(new Set(oneByOne.flat().map((f) => f.rule)).size).toBe(9);
    expectNoPollution();
  });

  it('checkFiles and checkStream run concurrently on one policy give the reports of sequential runs', async () => {
    const batches = fc.sample(uniqueDeployments({ minLength: 20, maxLength: 40 }), { seed: seed + 1, numRuns: 8 });
    const files: string[] = [];
    for (const [i, batch] of batches.entries()) files.push(await tmp.write(`${evaluator}/batch-${i}.jsonl`, batch.map((d) => JSON.stringify(d)).join('\n')));
    const run = (i: number): Promise<Report> =>
      i % 2 === 0
        ? policy.checkFiles(files[i] as string, { cwd: tmp.dir })
        : policy.checkStream((async function* () { yield Buffer.from(batches[i]?.map((d) => JSON.stringify(d)).join('\n') ?? ''); })(), { name: `batch-${i}` });
    const sequential: Report[] = [];
    for (let i = 0; i < batches.length; i++) sequential.push(await run(i));
    const concurrent = await Promise.all(batches.map((_, i) => run(i)));
    expect(concurrent, `concurrent reports differ (${replay})`).toEqual(sequential);
    expect(sequential.every((r) => r.problems.length === 0 && r.findings.length > 0)).toBe(true);
  });
});
