// approval-total-exceeded on generated runs: the findings of a real run (JSONL and YAML files, both
// evaluators) equal those of a plain-TypeScript reference written from the issue ("the deployments
// of the run that cite an approval and that it covers, in go-live order then name; the one whose
// running total passes a cap, and every later one"), and a run split into two shards and merged
// from their reports' ledgers gives the same findings.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortFindings } from '../../src/check/sort.js';
import { buildLedger, ledgerInputs } from '../../src/policy/ledger.js';
import { ledgerFindings } from '../../src/policy/ledger-findings.js';
import { loadRules } from '../../src/policy/load-rules.js';
import { loadPolicy, type Policy } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { replay, runs } from './seed.js';

const RULE = 'approval-total-exceeded';

interface Approval {
  reference: string;
  grantedOn: string;
  expiresOn: string;
  providers: string[];
  workloads: string[];
  maxGpus: number;
  maxTotalGpus?: number;
  maxTotalMegawatts?: number;
}

const APPROVALS: Approval[] = [
  { reference: 'CAP-GPUS', grantedOn: '2027-01-10', expiresOn: '2027-12-20', providers: ['oracle', 'openai'], workloads: ['training'], maxGpus: 90, maxTotalGpus: 100 },
  { reference: 'CAP-MW', grantedOn: '2027-01-01', expiresOn: '2027-12-31', providers: ['oracle'], workloads: ['training', 'research'], maxGpus: 100, maxTotalMegawatts: 6.5 },
  { reference: 'CAP-BOTH', grantedOn: '2027-03-01', expiresOn: '2027-09-30', providers: ['softbank', 'oracle'], workloads: ['research'], maxGpus: 100, maxTotalGpus: 60, maxTotalMegawatts: 4 },
  { reference: 'OPEN', grantedOn: '2027-01-01', expiresOn: '2027-12-31', providers: ['oracle'], workloads: ['training'], maxGpus: 100 },
];

interface Site {
  name: string;
  date: string;
  provider: string;
  workload: string;
  gpus: number;
  megawatts: number;
  reference: string;
}

const siteArbitrary = fc.record({
  // Few names and dates, so that ties of date and of name come up.
  name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h').chain((n) => fc.nat(40).map((i) => `${n}-${i}`)),
  date: fc.integer({ min: 0, max: 13 }).map((m) => `2027-${String(Math.min(12, Math.max(1, m))).padStart(2, '0')}-${m === 0 ? '01' : m === 13 ? '31' : '15'}`),
  provider: fc.constantFrom('oracle', 'oracle', 'openai', 'softbank', 'aws'),
  workload: fc.constantFrom('training', 'research'),
  gpus: fc.integer({ min: 0, max: 110 }),
  megawatts: fc.integer({ min: 0, max: 40 }).map((n) => n / 4),
  reference: fc.constantFrom(...APPROVALS.map((a) => a.reference)),
});

/** Unique names: a duplicate name is a problem of its own, not what this test is about. */
const runArbitrary = fc.uniqueArray(siteArbitrary, { minLength: 1, maxLength: 30, selector: (s) => s.name });

/** The reference: each approval's ledger and the deployments approval-total-exceeded flags, straight from the words. */
function reference(sites: readonly Site[]): { ledger: [string, [string, number][]][]; flagged: string[] } {
  const flagged: string[] = [];
  const ledger: [string, [string, number][]][] = [];
  for (const approval of APPROVALS) {
    const covered = sites
      .filter((s) => s.reference === approval.reference)
      .filter((s) => approval.grantedOn <= s.date && s.date <= approval.expiresOn)
      .filter((s) => approval.providers.includes(s.provider) && approval.workloads.includes(s.workload) && s.gpus <= approval.maxGpus)
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    let gpus = 0;
    let megawatts = 0;
    const rows: [string, number][] = [];
    for (const s of covered) {
      gpus += s.gpus;
      megawatts += s.megawatts;
      rows.push([s.name, gpus]);
      const over = (approval.maxTotalGpus !== undefined && gpus > approval.maxTotalGpus) || (approval.maxTotalMegawatts !== undefined && megawatts > approval.maxTotalMegawatts);
      if (over) flagged.push(s.name);
    }
    // Only an approval with a cap has a ledger.
    if (rows.length > 0 && (approval.maxTotalGpus !== undefined || approval.maxTotalMegawatts !== undefined)) ledger.push([approval.reference, rows]);
  }
  return { ledger: ledger.sort(([a], [b]) => (a < b ? -1 : 1)), flagged: flagged.sort() };
}

const manifest = (s: Site) => ({
  apiVersion: 'accord/v1',
  kind: 'Deployment',
  metadata: { name: s.name, date: s.date },
  spec: { workload: s.workload, provider: s.provider, capacity: { kind: 'existing', gpus: s.gpus, megawatts: s.megawatts }, approval: { reference: s.reference } },
});

let tmp: TempDir;
let compiled: Policy;
let engine: Policy;
let rules: Awaited<ReturnType<typeof loadRules>>['rules'];
let n = 0;

beforeAll(async () => {
  tmp = await makeTempDir('accord-ledger-differential-');
  await tmp.write('approvals.json', JSON.stringify({ approvals: APPROVALS }));
  compiled = await loadPolicy({ approvals: 'approvals.json', cwd: tmp.dir, asOf: '2027-01-01' });
  engine = await loadPolicy({ approvals: 'approvals.json', cwd: tmp.dir, asOf: '2027-01-01', evaluator: 'json-rules-engine' });
  rules = (await loadRules([new URL('../../rules/', import.meta.url).pathname], tmp.dir)).rules;
});
afterAll(() => tmp.cleanup());

/** Writes the run as a JSONL inventory and a YAML stream (split at `cut`), and returns their paths. */
async function writeRun(sites: readonly Site[], cut: number): Promise<string[]> {
  const dir = `run-${n++}`;
  const jsonl = sites.slice(0, cut).map((s) => JSON.stringify(manifest(s)));
  const yaml = sites.slice(cut).map((s) => JSON.stringify(manifest(s), null, 1));
  const files: string[] = [];
  if (jsonl.length > 0) files.push(await tmp.write(`${dir}/inventory.jsonl`, `${jsonl.join('\n')}\n`));
  if (yaml.length > 0) files.push(await tmp.write(`${dir}/more.yaml`, `${yaml.join('\n---\n')}\n`));
  return files;
}

describe('approval-total-exceeded on generated runs', () => {
  it('agrees with the reference, with both evaluators, and when merged from two shards', async () => {
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(runArbitrary, fc.nat(), async (sites, cutSeed) => {
        const cut = cutSeed % (sites.length + 1);
        const files = await writeRun(sites, cut);
        const report = await compiled.checkFiles(files, { cwd: tmp.dir });
        expect(report.problems, replay).toEqual([]);
        const flagged = report.findings.filter((f) => f.rule === RULE);
        const expected = reference(sites);
        const ledger = report.ledger?.map((e) => [e.approval, e.deployments.map((d) => [d.name, d.cumulativeGpus])]);
        expect(ledger, `${JSON.stringify(sites)} (${replay})`).toEqual(expected.ledger);
        expect(flagged.map((f) => f.deployment).sort(), `${JSON.stringify(sites)} (${replay})`).toEqual(expected.flagged);
        fired += flagged.length;

        const byEngine = await engine.checkFiles(files, { cwd: tmp.dir });
        expect(byEngine.findings, `json-rules-engine (${replay})`).toEqual(report.findings);

        // Two shards, file by file, merged from their reports' ledgers alone.
        if (files.length === 2) {
          const shards = await Promise.all(files.map(async (f) => JSON.parse(JSON.stringify(await compiled.checkFiles([f], { cwd: tmp.dir }))) as Report));
          const { rows, caps } = ledgerInputs(shards.map((s) => s.ledger ?? []));
          const ledger = buildLedger(rows, caps);
          expect(ledger, `merged ledger (${replay})`).toEqual(report.ledger);
          expect(sortFindings(ledgerFindings(ledger, rules)), `merged findings (${replay})`).toEqual(flagged);
        }
      }),
      runs(200),
    );
    console.info(`[ledger differential] ${fired} findings`);
    expect(fired, 'the rule fired often, so the comparison was not only of empty lists').toBeGreaterThan(30);
  }, 120_000);
});
