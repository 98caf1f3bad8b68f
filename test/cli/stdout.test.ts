import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { noStackTrace, plainEnv, repo } from './run-cli.js';

// The CLI writes stdout with write(2) rather than through a Node stream (see src/cli/io.ts).
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
