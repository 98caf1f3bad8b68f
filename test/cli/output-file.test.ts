import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { repo, runCli } from './run-cli.js';

const violating = path.join(repo, 'fixtures/rules/api-exclusive-to-azure/fail/api-on-oracle.yaml');

describe('accord check --output', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('creates missing folders for the report', () => {
    const out = tmp.path('reports/nested/accord.json');
    const run = runCli(['check', violating, '--format', 'json', '--output', out]);
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.errors).toBe(1);
  });

  it('a folder that cannot be made is exit 2 with a message, not a hang (Node recursive mkdir spins on /proc)', () => {
    // runCli throws if the run times out (a hang) rather than return.
    const run = runCli(['check', violating, '--output', '/proc/accord-test/x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot write --output /proc/accord-test/x.json');
  });
});
