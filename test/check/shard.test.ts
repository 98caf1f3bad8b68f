// --shard K/N: each file (each JSONL record) is checked by exactly one shard, the split depends on
// the display path only, and bad values are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import { shardOf } from '../../src/check/shard.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

let tmp: TempDir;
const names = (report: Report): string[] => (report.shard?.names ?? []).map((n) => n.name);

beforeAll(async () => {
  tmp = await makeTempDir('accord-shard-');
  for (let i = 0; i < 12; i++) await tmp.write(`d/f${i}.json`, JSON.stringify(manifest({ name: `file-${i}` })));
  const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify(manifest({ name: `rec-${i}` })));
  await tmp.write('d/inventory.jsonl', `${lines.join('\n')}\n`);
});
afterAll(() => tmp.cleanup());

describe('accord check --shard', () => {
  it('hashes the display path with FNV-1a, the same on every machine', () => {
    expect(shardOf('deployments/a.yaml', 1)).toBe(0);
    // FNV-1a 32 of "a" is 0xe40c292c.
    expect(shardOf('a', 0x1_0000_0000)).toBe(0xe40c292c);
  });

  it('splits files and JSONL records so that every deployment is checked by exactly one shard', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    const whole = await policy.checkFiles('d', { cwd: tmp.dir });
    for (const count of [1, 2, 3, 5]) {
      const shards = await Promise.all(Array.from({ length: count }, (_, i) => policy.checkFiles('d', { cwd: tmp.dir, shard: { index: i + 1, count } })));
      const all = shards.flatMap(names).sort();
      expect(all).toEqual([...Array.from({ length: 12 }, (_, i) => `file-${i}`), ...Array.from({ length: 20 }, (_, i) => `rec-${i}`)].sort());
      expect(shards.reduce((n, r) => n + r.summary.files, 0)).toBe(whole.summary.files);
      expect(shards.reduce((n, r) => n + r.summary.deployments, 0)).toBe(whole.summary.deployments);
      if (count > 1) expect(shards.filter((r) => names(r).some((n) => n.startsWith('rec-'))).length).toBeGreaterThan(1);
      for (const r of shards) expect(r.problems).toEqual([]);
    }
  });

  it('gives the same split whatever the order of the paths', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    const files = Array.from({ length: 12 }, (_, i) => `d/f${i}.json`);
    const a = await policy.checkFiles(files, { cwd: tmp.dir, shard: { index: 2, count: 3 } });
    const b = await policy.checkFiles([...files].reverse(), { cwd: tmp.dir, shard: { index: 2, count: 3 } });
    expect(names(a).sort()).toEqual(names(b).sort());
    expect(names(a).length).toBeGreaterThan(0);
  });

  it('leaves the report of an unsharded run without a shard field', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    expect((await policy.checkFiles('d', { cwd: tmp.dir })).shard).toBeUndefined();
  });

  it('still reports a glob matching nothing in every shard', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    for (const index of [1, 2]) {
      const report = await policy.checkFiles(['d', 'nothing/*.yaml'], { cwd: tmp.dir, shard: { index, count: 2 } });
      expect(report.problems.map((p) => p.code)).toEqual(['NO_MATCH']);
    }
  });

  it('refuses a shard outside 1..count in the library', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    for (const shard of [{ index: 0, count: 2 }, { index: 3, count: 2 }, { index: 1.5, count: 2 }]) {
      await expect(policy.checkFiles('d', { cwd: tmp.dir, shard })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    }
  });

  it('refuses bad --shard values and stdin with exit 2 and a usage message', () => {
    for (const value of ['0/2', '3/2', '1', 'a/b', '1/0', '-1/2']) {
      const result = runCli(['check', 'd', `--shard=${value}`], { cwd: tmp.dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--shard must be K/N');
    }
    const stdin = runCli(['check', '-', '--shard', '1/2'], { cwd: tmp.dir, input: '{}' });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('--shard splits files, not stdin');
  });
});
