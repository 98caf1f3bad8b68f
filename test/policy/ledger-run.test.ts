// The capacity ledger in a run (checkFiles, checkStream, check): which deployments it counts, the
// findings of approval-total-exceeded after every input is read (JSONL included), waivers, the fail-closed
// problem for a megawatt cap without megawatts, check()'s notices, and recomputing from shards' reports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/api.js';
import { ledgerInputs, buildLedger } from '../../src/policy/ledger.js';
import { ledgerFindings } from '../../src/policy/ledger-findings.js';
import { loadRules } from '../../src/policy/load-rules.js';
import { sortFindings } from '../../src/check/sort.js';
import { exitCode } from '../../src/report/exit-code.js';
import type { PolicyOptions } from '../../src/types.js';
import type { Report } from '../../src/types.js';
import { manifest } from '../support/manifests.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';

const RULE = 'approval-total-exceeded';
const CAPPED = 'MSFT-CAP-9-CAPPED';
const UNCAPPED = 'MSFT-CAP-9-OPEN';

const APPROVALS = {
  approvals: [
    { reference: CAPPED, grantedOn: '2027-01-01', expiresOn: '2029-12-31', providers: ['oracle', 'openai'], workloads: ['training'], maxGpus: 600, maxTotalGpus: 1000, maxTotalMegawatts: 50 },
    { reference: UNCAPPED, grantedOn: '2027-01-01', providers: ['oracle'], workloads: ['training'] },
  ],
};

/** A training deployment on Oracle citing `reference`: clean under every other rule. */
const site = (name: string, date: string, gpus: number, megawatts: number | undefined, reference = CAPPED, provider = 'oracle') =>
  manifest({
    name,
    date,
    workload: 'training',
    provider,
    spec: { capacity: { kind: 'existing', gpus, ...(megawatts === undefined ? {} : { megawatts }) }, approval: { reference }, revenueShare: undefined },
  });

const jsonl = (...docs: unknown[]) => `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`;
const onRule = (report: Report) => report.findings.filter((f) => f.rule === RULE);

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('accord-ledger-');
  await tmp.write('approvals.json', JSON.stringify(APPROVALS));
});
afterEach(() => tmp.cleanup());

async function check(files: Record<string, string>, options: PolicyOptions = {}, patterns: string[] = Object.keys(files)): Promise<Report> {
  for (const [name, text] of Object.entries(files)) await tmp.write(name, text);
  const policy = await loadPolicy({ approvals: 'approvals.json', asOf: '2027-01-01', cwd: tmp.dir, ...options });
  return policy.checkFiles(patterns, { cwd: tmp.dir });
}

describe('the ledger of a run', () => {
  it('counts across files and a JSONL inventory, in go-live order, and fires from the deployment that passes the cap on', async () => {
    const report = await check({
      'a.yaml': JSON.stringify(site('d-300-late', '2027-09-01', 300, 10)),
      'inventory.jsonl': jsonl(site('d-400', '2027-02-01', 300, 10), site('d-200', '2027-03-01', 300, 10), site('d-100', '2027-08-01', 200, 10)),
    });
    expect(report.problems).toEqual([]);
    expect(report.ledger?.[0]?.deployments.map((d) => [d.name, d.cumulativeGpus])).toEqual([
      ['d-400', 300],
      ['d-200', 600],
      ['d-100', 800],
      ['d-300-late', 1100],
    ]);
    expect(onRule(report).map((f) => f.deployment)).toEqual(['d-300-late']);
    const text = JSON.stringify(site('d-300-late', '2027-09-01', 300, 10));
    // Where every finding at spec.approval.reference points (the key, in a JSON document read as YAML).
    expect(onRule(report)[0]).toMatchObject({ file: 'a.yaml', path: 'spec.approval.reference', ...positionOf(text, '"reference"') });
    expect(report.summary.errors).toBe(1);
  });

  it('breaks a tie of go-live dates by name, not by reading order', async () => {
    for (const order of [['b', 'a'], ['a', 'b']]) {
      const docs = { a: site('tie-a', '2027-05-01', 300, 1), b: site('tie-b', '2027-05-01', 300, 1) };
      const report = await check({ 'x.jsonl': jsonl(site('tie-0', '2027-04-01', 500, 1), ...order.map((k) => docs[k as 'a' | 'b'])) });
      expect(onRule(report).map((f) => f.deployment), order.join('')).toEqual(['tie-b']);
    }
  });

  it('does not count deployments the approval does not cover: other provider, before it is granted, after it expires, over maxGpus', async () => {
    const report = await check({
      'x.jsonl': jsonl(
        site('in-1', '2027-02-01', 300, 1),
        site('aws', '2027-02-02', 300, 1, CAPPED, 'aws'),
        site('too-early', '2026-12-31', 300, 1),
        site('too-late', '2030-01-01', 300, 1),
        site('too-big', '2027-02-03', 601, 1),
        site('in-2', '2027-02-04', 300, 1),
        site('in-3', '2027-02-05', 300, 1),
      ),
    });
    expect(report.ledger?.[0]?.deployments.map((d) => d.name)).toEqual(['in-1', 'in-2', 'in-3']);
    expect(onRule(report)).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'approval-out-of-scope').map((f) => f.deployment).sort()).toEqual(['aws', 'too-big', 'too-early', 'too-late']);
  });

  it('keeps no ledger for an approval without caps, and never fires there, however large the total', async () => {
    const report = await check({ 'x.jsonl': jsonl(...Array.from({ length: 5 }, (_, i) => site(`open-${i}`, '2027-03-01', 300, 40, UNCAPPED)), site('capped', '2027-03-01', 1, 1)) });
    expect(report.ledger?.map((e) => [e.approval, e.deployments.length])).toEqual([[CAPPED, 1]]);
    expect(onRule(report)).toEqual([]);
    expect(report.problems).toEqual([]);
  });

  it('fires on megawatts alone', async () => {
    const report = await check({ 'x.jsonl': jsonl(site('mw-1', '2027-02-01', 10, 30), site('mw-2', '2027-02-02', 10, 20), site('mw-3', '2027-02-03', 10, 0.5)) });
    expect(onRule(report).map((f) => f.deployment)).toEqual(['mw-3']);
    expect(onRule(report)[0]?.evidence.map((e) => e.path)).toEqual(['approval.cumulativeMegawatts']);
    expect(onRule(report)[0]?.message).toContain('and 50.5 MW against 50');
  });

  it('is a problem, not a pass, when a deployment under a megawatt cap has no megawatts: it names the deployment and the approval (exit 2)', async () => {
    const without = site('no-mw', '2027-02-02', 10, undefined);
    const text = `${JSON.stringify(site('mw-1', '2027-02-01', 10, 1), null, 2)}\n---\n${JSON.stringify(without, null, 2)}\n`;
    const report = await check({ 'x.yaml': text });
    expect(report.problems).toEqual([
      {
        file: 'x.yaml',
        ...positionOf(text, '"capacity"', 1),
        code: 'LEDGER_ERROR',
        path: 'spec.capacity.megawatts',
        deployment: 'no-mw',
        message: expect.stringMatching(/deployment no-mw cites approval MSFT-CAP-9-CAPPED, which caps the total megawatts .* \(maxTotalMegawatts 50\), but has no spec\.capacity\.megawatts/),
      },
    ]);
    expect(exitCode(report, 'never')).toBe(2);
    // The ledger still counts its GPUs; the megawatt total is unknown from it on.
    expect(report.ledger?.[0]?.deployments.map((d) => [d.name, d.cumulativeGpus, d.cumulativeMegawatts])).toEqual([
      ['mw-1', 10, 1],
      ['no-mw', 20, undefined],
    ]);
  });

  it('has no problem for a deployment without megawatts under an approval that does not cap them', async () => {
    const report = await check({ 'x.jsonl': jsonl(site('no-mw', '2027-02-02', 10, undefined, UNCAPPED)) });
    expect(report.problems).toEqual([]);
  });

  it('applies waivers to its findings as to any other, and counts them as waived', async () => {
    await tmp.write('waivers.json', JSON.stringify({ waivers: [{ rule: RULE, deployment: 'over-*', reason: 'Raise agreed.', approvedBy: 'partnership-office', expiresOn: '2027-12-31' }] }));
    const report = await check(
      { 'x.jsonl': jsonl(site('base', '2027-02-01', 300, 1), site('base-2', '2027-02-02', 300, 1), site('base-3', '2027-02-03', 300, 1), site('over-1', '2027-02-04', 300, 1), site('still-over', '2027-02-05', 1, 1)) },
      { waivers: 'waivers.json' },
    );
    expect(onRule(report).map((f) => [f.deployment, f.waived])).toEqual([
      ['over-1', true],
      ['still-over', false],
    ]);
    expect(onRule(report)[0]?.waiver).toMatchObject({ rule: RULE, approvedBy: 'partnership-office' });
    expect(report.summary).toMatchObject({ errors: 1, waived: 1 });
    expect(report.notices.filter((n) => n.code === 'WAIVER_UNUSED')).toEqual([]);
  });

  it('is in the report whenever a registry was given (empty when no capped approval covers a deployment), and absent without one', async () => {
    const azure = JSON.stringify(manifest({ name: 'api-1' }));
    expect((await check({ 'a.json': azure })).ledger).toEqual([]);
    const policy = await loadPolicy({ asOf: '2027-01-01', cwd: tmp.dir });
    const without = await policy.checkFiles(['a.json'], { cwd: tmp.dir });
    expect('ledger' in without).toBe(false);
  });

  it('computes the same findings from a stream (stdin) as from the files', async () => {
    const text = jsonl(site('s-1', '2027-02-01', 600, 1), site('s-2', '2027-02-02', 600, 1));
    const fromFile = await check({ 'x.jsonl': text });
    const policy = await loadPolicy({ approvals: 'approvals.json', asOf: '2027-01-01', cwd: tmp.dir });
    const fromStream = await policy.checkStream(
      (async function* () {
        yield Buffer.from(text);
      })(),
      { name: 'x.jsonl' },
    );
    expect(onRule(fromFile).map((f) => f.deployment)).toEqual(['s-2']);
    expect(fromStream.findings).toEqual(fromFile.findings);
    expect(fromStream.ledger).toEqual(fromFile.ledger);
  });

  it('gives the same findings with the json-rules-engine evaluator', async () => {
    const files = { 'x.jsonl': jsonl(site('e-1', '2027-02-01', 300, 30), site('e-2', '2027-02-02', 300, 30), site('e-3', '2027-02-03', 300, 1), site('e-4', '2027-02-04', 300, 1)) };
    const compiled = await check(files);
    const engine = await check(files, { evaluator: 'json-rules-engine' });
    expect(onRule(compiled).map((f) => f.deployment)).toEqual(['e-2', 'e-3', 'e-4']);
    expect(engine.findings).toEqual(compiled.findings);
  });

  it('skips deployments dated outside a ledger rule window, with the usual notice', async () => {
    const bundled = await loadRules([new URL('../../rules/', import.meta.url).pathname], tmp.dir);
    const rule = bundled.rules.find((r) => r.id === RULE) as unknown as Record<string, unknown>;
    const { file: _f, absolutePath: _a, compiled: _c, facts: _x, ...plain } = rule;
    const rules = await writeRules(tmp, 'rules', [{ ...plain, effective: { until: '2027-02-02' } }]);
    const report = await check({ 'x.jsonl': jsonl(site('w-1', '2027-02-01', 600, 1), site('w-2', '2027-02-02', 600, 1), site('w-3', '2027-02-03', 600, 1)) }, { rules });
    expect(onRule(report).map((f) => f.deployment)).toEqual(['w-2']);
    expect(report.notices).toEqual([expect.objectContaining({ code: 'RULE_OUT_OF_WINDOW', rule: RULE, message: expect.stringContaining('w-3') })]);
  });
});

describe('a ledger rule of your own', () => {
  it('may read the fields the ledger keeps, and is evaluated on the ledger with them', async () => {
    const rules = await writeRules(tmp, 'rules', [
      ruleJson('lab-built-past-half-the-cap', {
        at: 'spec.approval.reference',
        message: '{{metadata.name}} on {{spec.provider}} ({{spec.capacity.gpus}} GPUs) brings {{spec.approval.reference}} to {{approval.cumulativeGpus}}.',
        conditions: {
          all: [
            { fact: 'spec', path: '$.provider', operator: 'equal', value: 'openai' },
            { fact: 'approval', path: '$.cumulativeGpus', operator: 'greaterThan', value: 500 },
            { fact: 'approval', path: '$.maxTotalGpus', operator: 'lessThan', value: 1200 },
          ],
        },
      }),
    ]);
    const report = await check({ 'x.jsonl': jsonl(site('o-1', '2027-02-01', 300, 1, CAPPED, 'openai'), site('o-2', '2027-02-02', 300, 1), site('o-3', '2027-02-03', 1, 1, CAPPED, 'openai')) }, { rules });
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => [f.deployment, f.message])).toEqual([['o-3', 'o-3 on openai (1 GPUs) brings MSFT-CAP-9-CAPPED to 601.']]);
  });
});

describe('policy.check (one deployment, no ledger)', () => {
  it('returns the findings as before, with a LEDGER_NOT_COMPUTED notice beside them when the approval caps its totals', async () => {
    const policy = await loadPolicy({ approvals: 'approvals.json', asOf: '2027-01-01', cwd: tmp.dir });
    const capped = await policy.check(site('one', '2027-02-01', 300, 1));
    expect(capped).toEqual([]);
    expect(JSON.stringify(capped)).toBe('[]');
    expect(capped.notices).toEqual([
      {
        code: 'LEDGER_NOT_COMPUTED',
        rule: RULE,
        deployment: 'one',
        message: expect.stringMatching(/^rule approval-total-exceeded was not evaluated on one: approval MSFT-CAP-9-CAPPED caps .*\(maxTotalGpus 1000, maxTotalMegawatts 50\).*checkFiles or checkStream/),
      },
    ]);
    expect((await policy.check(site('open', '2027-02-01', 300, 1, UNCAPPED))).notices).toEqual([]);
    // Not covered: the deployment is in no ledger, and approval-out-of-scope says why.
    const outside = await policy.check(site('late', '2030-06-01', 300, 1));
    expect(outside.notices).toEqual([]);
    expect(outside.map((f) => f.rule)).toEqual(['approval-out-of-scope']);
  });
});

describe('recomputing from reports alone (what a merge of shards does)', () => {
  it('gives the ledger and the ledger findings of the whole run from the ledgers of two shards', async () => {
    const docs = Array.from({ length: 8 }, (_, i) => site(`m-${i}`, `2027-0${(i % 5) + 2}-0${(i % 3) + 1}`, 100 + 40 * i, 3 + i));
    for (const [i, d] of docs.entries()) await tmp.write(`d-${i}.json`, JSON.stringify(d));
    const policy = await loadPolicy({ approvals: 'approvals.json', asOf: '2027-01-01', cwd: tmp.dir });
    const files = docs.map((_, i) => `d-${i}.json`);
    const whole = await policy.checkFiles(files, { cwd: tmp.dir });
    expect(onRule(whole).length).toBeGreaterThan(0);
    const shards = [await policy.checkFiles(files.filter((_, i) => i % 3 === 0), { cwd: tmp.dir }), await policy.checkFiles(files.filter((_, i) => i % 3 !== 0), { cwd: tmp.dir })];
    // Round-tripped through JSON, as reports on disk would be.
    const ledgers = shards.map((s) => (JSON.parse(JSON.stringify(s)) as Report).ledger ?? []);
    const { rows, caps } = ledgerInputs(ledgers);
    const merged = buildLedger(rows, caps);
    expect(merged).toEqual(whole.ledger);
    const { rules } = await loadRules([new URL('../../rules/', import.meta.url).pathname], tmp.dir);
    // In ledger order; a merged report sorts them with the rest, as a run does.
    expect(sortFindings(ledgerFindings(merged, rules))).toEqual(onRule(whole));
  });
});
