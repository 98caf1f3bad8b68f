// The CLI: accord check --shard K/N -f json -o report-K.json for every K, then accord merge, gives
// the output and exit code of the unsharded accord check in every format; bad reports exit 2.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNames } from '../../src/report/formats.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { writeShardCorpus } from '../support/shard-corpus.js';
import { noStackTrace, runCli } from './run-cli.js';

let tmp: TempDir;
const policy = ['--approvals', 'approvals.yaml', '--waivers', 'waivers.yaml', '--as-of', '2027-06-01'];
const reports = (count: number) => Array.from({ length: count }, (_, i) => `reports/report-${i + 1}-of-${count}.json`);

beforeAll(async () => {
  tmp = await makeTempDir('accord-merge-cli-');
  await writeShardCorpus(tmp);
  for (let k = 1; k <= 3; k++) {
    const result = runCli(['check', 'corpus', ...policy, '--shard', `${k}/3`, '-f', 'json', '-o', `reports/report-${k}-of-3.json`], { cwd: tmp.dir });
    expect(result.status).toBe(2);
  }
});
afterAll(() => tmp.cleanup());

describe('accord merge', () => {
  it('prints what the unsharded check prints and exits as it does, in every format', () => {
    for (const format of formatNames) {
      const whole = runCli(['check', 'corpus', ...policy, '-f', format], { cwd: tmp.dir });
      const merged = runCli(['merge', ...reports(3), '-f', format], { cwd: tmp.dir });
      expect(merged.stderr).toBe('');
      expect(merged.stdout, format).toBe(whole.stdout);
      expect(merged.status).toBe(whole.status);
      expect(merged.status).toBe(2);
    }
  });

  it('writes --output like check, the summary line on stderr', () => {
    const whole = runCli(['check', 'corpus', ...policy, '-f', 'sarif', '-o', 'whole.sarif'], { cwd: tmp.dir });
    const merged = runCli(['merge', ...reports(3), '-f', 'sarif', '-o', 'merged.sarif'], { cwd: tmp.dir });
    expect(merged.stderr).toBe(whole.stderr);
    expect(readFileSync(tmp.path('merged.sarif'), 'utf8')).toBe(readFileSync(tmp.path('whole.sarif'), 'utf8'));
  });

  it('exits 2 with a clear message for a missing shard, an unreadable or hostile report, or none', async () => {
    const missing = runCli(['merge', ...reports(3).slice(1)], { cwd: tmp.dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('shard 1/3 missing');
    const absent = runCli(['merge', 'reports/none.json'], { cwd: tmp.dir });
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('cannot read report reports/none.json');
    const notJson = runCli(['merge', 'approvals.yaml'], { cwd: tmp.dir });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('report approvals.yaml is not JSON');
    const report = readFileSync(tmp.path(reports(3)[0]!), 'utf8');
    await tmp.write('reports/polluted.json', report.replace('{', '{"__proto__":{"polluted":true},'));
    const polluted = runCli(['merge', 'reports/polluted.json', ...reports(3).slice(1)], { cwd: tmp.dir });
    expect(polluted.status).toBe(2);
    expect(polluted.stderr).toContain('report reports/polluted.json holds a key named "__proto__"');
    const none = runCli(['merge'], { cwd: tmp.dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('nothing to merge');
    for (const result of [missing, absent, notJson, polluted, none]) expect(noStackTrace(result.stderr)).toBe(true);
  });
});
