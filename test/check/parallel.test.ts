import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadCount } from '../../src/check/parallel.js';
import { loadPolicy } from '../../src/index.js';
import type { FoundFile } from '../../src/input/find-files.js';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

const files = (n: number, ext = 'json'): FoundFile[] => Array.from({ length: n }, (_, i) => ({ path: `/d/f${i}.${ext}`, file: `d/f${i}.${ext}` }));

describe('threadCount', () => {
  it('is 1 when off, unset, or for a single file', () => {
    expect(threadCount(undefined, files(5000), 8)).toBe(1);
    expect(threadCount('off', files(5000), 8)).toBe(1);
    expect(threadCount(4, files(1), 8)).toBe(1);
  });

  it('auto: half the cores, at most 4, and only with 500 files per thread', () => {
    expect(threadCount('auto', files(10_000), 2)).toBe(1);
    expect(threadCount('auto', files(10_000), 4)).toBe(2);
    expect(threadCount('auto', files(10_000), 32)).toBe(4);
    expect(threadCount('auto', files(999), 8)).toBe(1);
    expect(threadCount('auto', files(1500), 8)).toBe(3);
  });

  it('a number: that many threads, at most one per file', () => {
    expect(threadCount(3, files(10), 2)).toBe(3);
    expect(threadCount(8, files(5), 2)).toBe(5);
  });

  it('is 1 when a JSONL file is among them: it streams on the main thread', () => {
    expect(threadCount(4, [...files(100), ...files(1, 'jsonl')], 8)).toBe(1);
  });
});

describe('checkFiles concurrency option', () => {
  it('refuses anything but auto, off or a whole number from 1 to 64', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    for (const concurrency of [0, -1, 65, 1000, 2.5, Number.NaN, 'many']) {
      await expect(policy.checkFiles('fixtures/examples/deployments', { concurrency: concurrency as never }), String(concurrency)).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    }
  });
});

describe('a parallel run whose worker cannot start', () => {
  // From the sources (as vitest runs them) there is no built check-worker.js to start: the worker
  // fails, and the main thread checks the batches it would have taken.
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('accord-parallel-');
    for (let i = 0; i < 40; i++) await tmp.write(`d/m-${i}.json`, JSON.stringify(manifest({ name: `d-${i}`, provider: i % 2 ? 'oracle' : 'azure' })));
  });
  afterAll(() => tmp.cleanup());

  it('still gives the whole report, with a WORKER_FAILED notice', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01', cwd: tmp.dir });
    const single = await policy.checkFiles('d', { concurrency: 'off' });
    const parallel = await policy.checkFiles('d', { concurrency: 3 });
    expect(parallel.notices.map((n) => n.code)).toEqual(['WORKER_FAILED']);
    expect({ ...parallel, notices: [] }).toEqual({ ...single, notices: [] });
    expect(single.summary).toMatchObject({ files: 40, deployments: 40, errors: 20 });
  });
});
