import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { noStackTrace, plainEnv, repo } from './run-cli.js';

// The CLI writes its report to process.stdout (src/cli/io.ts): whole through a pipe, however slow the
// reader, and quietly cut short when the reader goes away.
let tmp: TempDir;
beforeAll(async () => {
  tmp = await makeTempDir('accord-stdout-');
  // 3,000 violating deployments: a JSON report of several MB, far more than a pipe holds.
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify(manifest({ name: `api-oracle-${i}`, provider: 'oracle' })));
  await tmp.write('inventory.jsonl', `${lines.join('\n')}\n`);
});
afterAll(() => tmp.cleanup());

const bin = path.join(repo, 'bin', 'accord.cjs');
const sh = (command: string) => spawnSync('bash', ['-c', command], { cwd: tmp.dir, encoding: 'utf8', env: plainEnv(), maxBuffer: 1 << 30 });

describe('accord check: stdout', () => {
  it('writes a report of several MB whole through a pipe', () => {
    const r = sh(`node ${JSON.stringify(bin)} check inventory.jsonl --as-of 2027-01-01 --format json | cat`);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { summary: { deployments: number; errors: number } };
    expect(r.stdout.length).toBeGreaterThan(1_000_000);
    expect(report.summary).toMatchObject({ deployments: 3000, errors: 3000 });
  });

  it('writes a report of several MB whole to a reader that starts late and reads slowly', () => {
    const whole = sh(`node ${JSON.stringify(bin)} check inventory.jsonl --as-of 2027-01-01 --format json > whole.json; wc -c < whole.json`);
    const bytes = Number(whole.stdout.trim());
    expect(bytes).toBeGreaterThan(1_000_000);
    // The pipe (64 KiB) is full long before the reader starts; then it reads 4 KiB at a time.
    const r = sh(`set -o pipefail; node ${JSON.stringify(bin)} check inventory.jsonl --as-of 2027-01-01 --format json | (sleep 1; dd bs=4096 status=none | sha256sum); echo "exit=\${PIPESTATUS[0]}"`);
    const expected = sh('sha256sum < whole.json').stdout;
    expect(r.stdout).toBe(`${expected}exit=1\n`);
    expect(r.stderr).toBe('');
  });

  it('stops quietly when the reader goes away (| head), and the exit code still tells the result', () => {
    const r = sh(`set -o pipefail; node ${JSON.stringify(bin)} check inventory.jsonl --as-of 2027-01-01 --format json | head -c 20; echo " exit=\${PIPESTATUS[0]}"`);
    expect(r.stdout).toMatch(/^\{\n {2}"version": 1,[\s\S]* exit=1\n$/);
    expect(r.stderr).toBe('');
    expect(noStackTrace(r.stderr)).toBe(true);
  });

  it('writes to a file that stdout is redirected to', () => {
    const r = sh(`node ${JSON.stringify(bin)} check inventory.jsonl --as-of 2027-01-01 --format json > out.json; echo $?; wc -c < out.json`);
    const [status, bytes] = r.stdout.trim().split('\n').map(Number);
    expect(status).toBe(1);
    expect(bytes).toBeGreaterThan(1_000_000);
  });
});
