import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');
const violating = path.join(repo, 'fixtures/rules/api-exclusive-to-azure/fail/api-on-oracle.yaml');

describe('accord check --output', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('creates missing folders for the report', () => {
    const out = tmp.path('reports/nested/accord.json');
    const run = spawnSync(process.execPath, [path.join(repo, 'bin/accord.cjs'), 'check', violating, '--format', 'json', '--output', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.errors).toBe(1);
  });

  it('a folder that cannot be made is exit 2 with a message, not a hang (Node recursive mkdir spins on /proc)', () => {
    const run = spawnSync(process.execPath, [path.join(repo, 'bin/accord.cjs'), 'check', violating, '--output', '/proc/accord-test/x.json'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot write --output /proc/accord-test/x.json');
  });
});
