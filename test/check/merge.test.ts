// accord merge: the shards of a run, merged, give the unsharded run's report byte for byte in
// every format, and merge refuses reports that are not every shard of one run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCode, formatNames, formatReport, loadPolicy, mergeReports, type FormatName, type Policy, type PolicyOptions, type Report } from '../../src/index.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { writeShardCorpus } from '../support/shard-corpus.js';
import { repo } from '../cli/run-cli.js';

let tmp: TempDir;
let corpusFiles: string[];

beforeAll(async () => {
  tmp = await makeTempDir('accord-merge-');
  corpusFiles = await writeShardCorpus(tmp);
});
afterAll(() => tmp.cleanup());

const needsDeployments = (format: FormatName): boolean => format === 'junit' || format === 'html';

/** A shard's report as `accord check --shard K/N -f json` writes it and `accord merge` reads it. */
async function shardReports(policy: Policy, patterns: string[], cwd: string, count: number): Promise<unknown[]> {
  const reports = [];
  for (let index = 1; index <= count; index++) {
    const report = await policy.checkFiles(patterns, { cwd, shard: { index, count }, includeDeployments: true });
    reports.push(JSON.parse(formatReport(report, 'json', { failOn: 'error', color: false })));
  }
  return reports;
}

async function expectMergeEqualsRun(policyOptions: PolicyOptions, patterns: string[], cwd: string, counts: readonly number[], formats: readonly FormatName[] = formatNames): Promise<Report> {
  const policy = await loadPolicy(policyOptions);
  const whole = await policy.checkFiles(patterns, { cwd, includeDeployments: true });
  const lean = await policy.checkFiles(patterns, { cwd });
  for (const count of counts) {
    const shards = await shardReports(policy, patterns, cwd, count);
    // Reports in any order: the merge does not depend on it.
    const merged = await mergeReports([...shards].reverse(), { includeDeployments: true, ...(policyOptions.rules ? { rules: policyOptions.rules } : {}) });
    const mergedLean = await mergeReports(shards, { ...(policyOptions.rules ? { rules: policyOptions.rules } : {}) });
    for (const format of formats) {
      const [run, union] = needsDeployments(format) ? [whole, merged] : [lean, mergedLean];
      for (const failOn of ['error', 'never'] as const) {
        expect(formatReport(union, format, { failOn, color: false }), `${format}, ${count} shards`).toBe(formatReport(run, format, { failOn, color: false }));
        expect(exitCode(union, failOn)).toBe(exitCode(run, failOn));
      }
    }
  }
  return whole;
}

describe('merging every shard gives the unsharded report, byte for byte', () => {
  it('for the bundled examples, the capacity ledger example included, in every format and N = 1, 2, 3, 5', async () => {
    const whole = await expectMergeEqualsRun(
      { approvals: 'fixtures/examples/approvals.yaml', waivers: 'fixtures/examples/waivers.yaml', asOf: '2027-06-01', cwd: repo },
      ['fixtures/examples/deployments'],
      repo,
      [1, 2, 3, 5],
    );
    expect(whole.findings.some((f) => f.rule === 'approval-total-exceeded')).toBe(true);
    expect(whole.findings.some((f) => f.waived)).toBe(true);
  }, 120_000);

  it('for a corpus with duplicates across shards, JSONL, a ledger, waivers used in one shard and problems, in every format and N = 1, 2, 3, 5', async () => {
    const options = { approvals: 'approvals.yaml', waivers: 'waivers.yaml', asOf: '2027-06-01', cwd: tmp.dir, keepGoing: true };
    const whole = await expectMergeEqualsRun(options, ['corpus', 'nothing/*.yaml'], tmp.dir, [1, 2, 3, 5]);
    // The corpus holds what the test is about.
    const codes = new Set(whole.problems.map((p) => p.code));
    for (const code of ['DUPLICATE_NAME', 'NO_MATCH', 'PARSE_ERROR', 'SCHEMA_ERROR']) expect(codes).toContain(code);
    const notices = new Set(whole.notices.map((n) => n.code));
    for (const code of ['RULE_OUT_OF_WINDOW', 'NOT_A_MANIFEST', 'WAIVER_UNUSED', 'WAIVER_EXPIRED', 'WAIVER_UNKNOWN_RULE']) expect(notices).toContain(code);
    expect(whole.findings.filter((f) => f.rule === 'approval-total-exceeded' && f.waived).map((f) => f.deployment)).toEqual(['site-5']);
    expect(whole.findings.filter((f) => f.waived && f.rule === 'api-exclusive-to-azure').map((f) => f.deployment).sort()).toEqual(['api-dup-2', 'api-dup-2', 'inv-10']);
    expect(whole.notices.find((n) => n.code === 'RULE_OUT_OF_WINDOW')?.message).toMatch(/and \d+ more$/);
  }, 240_000);

  it('without an approvals registry (approvals not verified) in the plain formats', async () => {
    await expectMergeEqualsRun({ asOf: '2027-06-01', cwd: tmp.dir, keepGoing: true }, ['corpus'], tmp.dir, [2, 3], ['json', 'text']);
  }, 120_000);

  it('for any subset of the corpus and any N (property)', async () => {
    const policy = await loadPolicy({ approvals: 'approvals.yaml', waivers: 'waivers.yaml', asOf: '2027-06-01', cwd: tmp.dir, keepGoing: true });
    await fc.assert(
      fc.asyncProperty(fc.subarray(corpusFiles, { minLength: 1 }), fc.integer({ min: 1, max: 6 }), async (files, count) => {
        const run = await policy.checkFiles(files, { cwd: tmp.dir });
        const merged = await mergeReports(await shardReports(policy, files, tmp.dir, count));
        expect(formatReport(merged, 'json', { failOn: 'error', color: false })).toBe(formatReport(run, 'json', { failOn: 'error', color: false }));
        expect(formatReport(merged, 'text', { failOn: 'error', color: false })).toBe(formatReport(run, 'text', { failOn: 'error', color: false }));
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});

describe('merge refuses what is not every shard of one run', () => {
  const examples = ['fixtures/examples/deployments'];
  const load = (asOf = '2027-06-01') => loadPolicy({ approvals: 'fixtures/examples/approvals.yaml', asOf, cwd: repo });
  const refused = async (reports: unknown[], message: RegExp) => {
    await expect(mergeReports(reports)).rejects.toMatchObject({ code: 'INVALID_OPTION', message: expect.stringMatching(message) });
  };

  it('a missing shard, naming it', async () => {
    const shards = await shardReports(await load(), examples, repo, 3);
    await refused([shards[0], shards[2]], /shard 2\/3 missing/);
  });

  it('a shard given twice, shards of different counts, dates or files', async () => {
    const policy = await load();
    const three = await shardReports(policy, examples, repo, 3);
    await refused([three[0], three[0], three[1], three[2]], /both shard 1\/3/);
    const two = await shardReports(policy, examples, repo, 2);
    await refused([three[0], two[1]], /one of 2 shards/);
    const later = await shardReports(await load('2027-07-01'), examples, repo, 2);
    await refused([two[0], later[1]], /as of 2027-07-01/);
    const fewer = await shardReports(policy, ['fixtures/examples/deployments/api.yaml'], repo, 2);
    await refused([two[0], fewer[1]], /other files/);
  });

  it('another rule pack, in the reports or in the rules given to merge', async () => {
    const [a, b] = await shardReports(await load(), examples, repo, 2);
    const other = structuredClone(b) as Report;
    other.rulePack.sha256 = '0'.repeat(64);
    await refused([a, other], /another rule pack/);
    await expect(mergeReports([a, b], { rules: 'test/fixtures/rules/valid', cwd: repo })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('an unsharded report or something else', async () => {
    const policy = await load();
    const plain = JSON.parse(formatReport(await policy.checkFiles(examples, { cwd: repo }), 'json', { failOn: 'error', color: false }));
    await refused([plain], /not the JSON report \(version 1\) of a shard/);
    await refused([[1, 2]], /report 1 is not/);
    await refused([], /give the JSON reports/);
  });
});
