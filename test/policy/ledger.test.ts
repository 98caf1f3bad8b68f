// The capacity ledger as a pure function of its rows (src/policy/ledger.ts): order, running totals,
// caps, megawatts, and the round trip through a report's ledger that a merge of shards relies on.
import { describe, expect, it } from 'vitest';
import { buildLedger, ledgerInputs, type LedgerCaps, type LedgerRow } from '../../src/policy/ledger.js';

const row = (name: string, date: string, gpus: number, more: Partial<LedgerRow> = {}): LedgerRow => ({
  name,
  file: 'd.yaml',
  line: 1,
  column: 1,
  date,
  provider: 'oracle',
  workload: 'training',
  gpus,
  ...more,
});

const rowsOf = (entries: Record<string, LedgerRow[]>) => new Map(Object.entries(entries));
const capsOf = (entries: Record<string, LedgerCaps>) => new Map(Object.entries(entries));

describe('buildLedger', () => {
  it('orders each approval by go-live date, then name, and keeps running totals including each deployment', () => {
    const ledger = buildLedger(
      rowsOf({ A: [row('late', '2028-01-01', 5, { megawatts: 1 }), row('b-same-day', '2027-06-01', 20, { megawatts: 2 }), row('a-same-day', '2027-06-01', 10, { megawatts: 4 }), row('first', '2027-01-01', 1, { megawatts: 8 })] }),
      capsOf({ A: { maxTotalGpus: 30, maxTotalMegawatts: 100 } }),
    );
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ approval: 'A', maxTotalGpus: 30, maxTotalMegawatts: 100 });
    expect(ledger[0]?.deployments.map((d) => [d.name, d.cumulativeGpus, d.cumulativeMegawatts])).toEqual([
      ['first', 1, 8],
      ['a-same-day', 11, 12],
      ['b-same-day', 31, 14],
      ['late', 36, 15],
    ]);
  });

  it('settles a tie of date and name by file, line and column, so reading order never matters', () => {
    const rows = [row('twin', '2027-01-01', 1, { file: 'b.yaml' }), row('twin', '2027-01-01', 2, { file: 'a.yaml', line: 9 }), row('twin', '2027-01-01', 3, { file: 'a.yaml', line: 2 })];
    const orders = [rows, [...rows].reverse(), [rows[1]!, rows[2]!, rows[0]!]];
    const ledgers = orders.map((list) => buildLedger(rowsOf({ A: list }), new Map()));
    for (const ledger of ledgers) expect(ledger).toEqual(ledgers[0]);
    expect(ledgers[0]?.[0]?.deployments.map((d) => [d.file, d.line, d.cumulativeGpus])).toEqual([
      ['a.yaml', 2, 3],
      ['a.yaml', 9, 5],
      ['b.yaml', 1, 6],
    ]);
  });

  it('sorts approvals by reference and leaves out the caps an approval does not have', () => {
    const ledger = buildLedger(rowsOf({ 'MSFT-B': [row('x', '2027-01-01', 1)], 'MSFT-A': [row('y', '2027-01-01', 2)] }), capsOf({ 'MSFT-B': { maxTotalMegawatts: 5 } }));
    expect(ledger.map((e) => e.approval)).toEqual(['MSFT-A', 'MSFT-B']);
    expect(Object.keys(ledger[0] as object)).toEqual(['approval', 'deployments']);
    expect(Object.keys(ledger[1] as object)).toEqual(['approval', 'maxTotalMegawatts', 'deployments']);
  });

  it('has no megawatt total from the first deployment without megawatts on, and keeps counting GPUs', () => {
    const ledger = buildLedger(rowsOf({ A: [row('a', '2027-01-01', 1, { megawatts: 10 }), row('b', '2027-02-01', 2), row('c', '2027-03-01', 4, { megawatts: 1 })] }), new Map());
    const [a, b, c] = ledger[0]?.deployments ?? [];
    expect(a).toMatchObject({ megawatts: 10, cumulativeMegawatts: 10, cumulativeGpus: 1 });
    expect(b && 'megawatts' in b).toBe(false);
    expect(b && 'cumulativeMegawatts' in b).toBe(false);
    expect(c).toMatchObject({ megawatts: 1, cumulativeGpus: 7 });
    expect(c && 'cumulativeMegawatts' in c).toBe(false);
  });

  it('writes each deployment with the keys of the report contract, in a fixed order', () => {
    const [entry] = buildLedger(rowsOf({ A: [row('a', '2027-01-01', 1, { megawatts: 2 })] }), new Map());
    expect(Object.keys(entry?.deployments[0] as object)).toEqual(['name', 'file', 'line', 'column', 'date', 'provider', 'workload', 'gpus', 'megawatts', 'cumulativeGpus', 'cumulativeMegawatts']);
  });
});

describe('ledgerInputs (what a merge of reports starts from)', () => {
  const rows = [
    row('s1', '2027-01-01', 100, { megawatts: 1, file: 'a.yaml' }),
    row('s2', '2027-02-01', 200, { megawatts: 2, file: 'b.yaml' }),
    row('s3', '2027-03-01', 300, { megawatts: 3, file: 'a.yaml', line: 20 }),
    row('s4', '2027-03-01', 400, { file: 'c.jsonl', line: 7, column: 90 }),
  ];
  const caps = capsOf({ A: { maxTotalGpus: 500 }, B: {} });

  it('gives back the rows and caps a ledger was built from', () => {
    const whole = buildLedger(rowsOf({ A: rows, B: [row('b1', '2027-01-01', 1)] }), caps);
    expect(buildLedger(ledgerInputs([whole]).rows, ledgerInputs([whole]).caps)).toEqual(whole);
  });

  it('merges the ledgers of shards into the ledger of the whole run, whatever the split', () => {
    const whole = buildLedger(rowsOf({ A: rows }), caps);
    for (const split of [[0, 2], [1, 3], [3], [0, 1, 2]]) {
      const shardA = buildLedger(rowsOf({ A: rows.filter((_, i) => split.includes(i)) }), caps);
      const shardB = buildLedger(rowsOf({ A: rows.filter((_, i) => !split.includes(i)) }), caps);
      const { rows: merged, caps: mergedCaps } = ledgerInputs([shardB, shardA]);
      expect(buildLedger(merged, mergedCaps), `split ${split.join(',')}`).toEqual(whole);
    }
  });
});
