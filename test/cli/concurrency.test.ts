import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { plainEnv, repo, runCli } from './run-cli.js';

// A parallel run (--concurrency N: worker threads) must give the report a single thread gives,
// byte for byte: same findings, same problems, same "first" of every duplicate name.
let tmp: TempDir;
const providers = ['azure', 'oracle', 'aws', 'softbank'];
const workloads = ['api', 'product', 'training', 'research'];

beforeAll(async () => {
  tmp = await makeTempDir('accord-concurrency-');
  for (let i = 0; i < 240; i++) {
    // Every 50th file reuses a name, so duplicates span batches, which different threads take.
    const name = i % 50 === 7 ? 'dup-name' : `d-${i}`;
    const overrides = { name, provider: providers[i % 4], workload: workloads[Math.floor(i / 4) % 4], date: i % 9 === 0 ? '2026-06-01' : '2027-03-01' };
    const team = `team-${i % 6}`;
    if (i === 17) await tmp.write(`${team}/broken-${i}.json`, '{\n  "apiVersion": "accord/v1",\n  "kind": \n}\n');
    else if (i === 33) await tmp.write(`${team}/invalid-${i}.json`, JSON.stringify({ ...manifest(overrides), kind: 'Pod' }, null, 2));
    else if (i % 5 === 0) await tmp.write(`${team}/m-${i}.yaml`, `${manifestYaml(overrides)}---\n${manifestYaml({ ...overrides, name: `${name}-b` })}`);
    else if (i % 7 === 0) await tmp.write(`${team}/m-${i}.json`, JSON.stringify([manifest(overrides), manifest({ ...overrides, name: `${name}-c` })], null, 2));
    else await tmp.write(`${team}/m-${i}.json`, JSON.stringify(manifest(overrides), null, 2));
  }
  await tmp.write(
    'waivers.yaml',
    [
      'waivers:',
      '  - { rule: product-capacity-off-azure, deployment: "d-1*", reason: overflow, approvedBy: office, expiresOn: 2027-12-31 }',
      '  - { rule: api-exclusive-to-azure, deployment: never-matches, reason: unused, approvedBy: office, expiresOn: 2027-12-31 }',
      '',
    ].join('\n'),
  );
});
afterAll(() => tmp.cleanup());

// ACCORD_TEST_WORKERS_FIRST: the main thread waits until each worker has checked a batch, or 240
// files could all be checked before a worker has started.
const check = (args: string[]) =>
  runCli(['check', 'team-0', 'team-1', 'team-2', 'team-3', 'team-4', 'team-5', '--waivers', 'waivers.yaml', '--as-of', '2027-01-01', ...args], { cwd: tmp.dir, env: { ACCORD_TEST_WORKERS_FIRST: '1' } });

describe('accord check --concurrency', () => {
  it('gives the single-thread report byte for byte (json, and junit and html, which list every deployment)', () => {
    for (const format of ['json', 'junit', 'html']) {
      const single = check(['--format', format, '--concurrency', 'off']);
      const parallel = check(['--format', format, '--concurrency', '3']);
      expect(single.status).toBe(2);
      expect(parallel.status).toBe(2);
      expect(parallel.stderr).toBe('');
      expect(parallel.stdout).toBe(single.stdout);
    }
    // The corpus exercises what parallel runs must merge: duplicates, bad files, waivers, windows.
    const report = JSON.parse(check(['--format', 'json', '--concurrency', '3']).stdout) as Report;
    const codes = report.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['DUPLICATE_NAME', 'PARSE_ERROR', 'SCHEMA_ERROR']));
    expect(report.problems.filter((p) => p.code === 'DUPLICATE_NAME')).toHaveLength(4);
    expect(report.summary.waived).toBeGreaterThan(0);
    expect(report.summary.errors).toBeGreaterThan(20);
    expect(report.notices.map((n) => n.code)).toEqual(expect.arrayContaining(['WAIVER_UNUSED']));
    expect(report.notices.map((n) => n.code)).not.toContain('WORKER_FAILED');
    expect(report.summary.files).toBe(240);
  });

  it('really starts worker threads (one CPU profile per thread)', () => {
    const dir = tmp.path('profiles-3');
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, path.join(repo, 'bin', 'accord.cjs'), 'check', 'team-0', 'team-1', 'team-2', '--as-of', '2027-01-01', '--concurrency', '3', '--format', 'json'], {
      cwd: tmp.dir,
      env: plainEnv({ ACCORD_TEST_WORKERS_FIRST: '1' }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    expect(profiles).toHaveLength(3);
    // Each worker's profile shows it assessing files (the worker bundle keeps its function names).
    const assessing = profiles.filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('"functionName":"assessFiles"'));
    expect(assessing.length).toBeGreaterThanOrEqual(2);
  });

  it('auto (for a few files) and off check on one thread', () => {
    for (const [name, extra] of [['auto', []], ['off', ['--concurrency', 'off']]] as const) {
      const dir = tmp.path(`profiles-${name}`);
      const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, path.join(repo, 'bin', 'accord.cjs'), 'check', 'team-0', 'team-1', '--as-of', '2027-01-01', ...extra], { cwd: tmp.dir, env: plainEnv(), encoding: 'utf8' });
      // A crash or usage error writes a profile too: the run must have checked (team-1 holds a duplicate name: exit 2).
      expect(run.status, name).toBe(2);
      expect(run.stderr, name).toBe('');
      expect(run.stdout, name).toContain('DUPLICATE_NAME');
      expect(readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')), name).toHaveLength(1);
    }
  });

  it('refuses a concurrency that is not auto, off or 1 to 64', () => {
    for (const value of ['0', '65', 'many', '2.5']) {
      const r = check(['--concurrency', value]);
      expect(r.status, value).toBe(2);
      expect(r.stderr).toMatch(/--concurrency must be auto, off or a number of threads from 1 to 64/);
    }
  });
});
