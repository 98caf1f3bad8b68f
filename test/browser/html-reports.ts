// Reports for the HTML report's browser tests: the README demo (its ledger example: an approval whose
// cap the third of four deployments passes), a generated run of 10,000 deployments, and a ledger
// entry for pages built around hostile text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPolicy } from '../../src/index.js';
import type { LedgerEntry, Report } from '../../src/types.js';
import type { TempDir } from '../support/tmp-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');

/** The approval the third of four deployments takes past its caps: 430,000 of 400,000 GPUs, 2,400 of 2,000 MW. */
export const LEDGER_EXAMPLE: LedgerEntry = {
  approval: 'MSFT-CAP-2027-LEDGER',
  maxTotalGpus: 400_000,
  maxTotalMegawatts: 2_000,
  deployments: [
    { name: 'stargate-a', file: 'deployments/a.yaml', line: 8, column: 16, date: '2027-02-01', provider: 'openai', workload: 'training', gpus: 150_000, megawatts: 900, cumulativeGpus: 150_000, cumulativeMegawatts: 900 },
    { name: 'stargate-b', file: 'deployments/b.yaml', line: 8, column: 16, date: '2027-05-01', provider: 'openai', workload: 'training', gpus: 120_000, megawatts: 700, cumulativeGpus: 270_000, cumulativeMegawatts: 1_600 },
    { name: 'stargate-c', file: 'deployments/c.yaml', line: 8, column: 16, date: '2027-09-01', provider: 'openai', workload: 'training', gpus: 160_000, megawatts: 800, cumulativeGpus: 430_000, cumulativeMegawatts: 2_400 },
    { name: 'stargate-d', file: 'deployments/d.yaml', line: 8, column: 16, date: '2028-01-01', provider: 'openai', workload: 'training', gpus: 50_000, megawatts: 300, cumulativeGpus: 480_000, cumulativeMegawatts: 2_700 },
  ],
};

/** The README demo with a fixed run date, its deployments listed as `--format html` lists them. */
export async function demoReport(asOf = '2027-12-10'): Promise<Report> {
  const policy = await loadPolicy({ approvals: 'fixtures/examples/approvals.yaml', waivers: 'fixtures/examples/waivers.yaml', asOf, cwd: repo });
  const report = await policy.checkFiles(['fixtures/examples/deployments'], { cwd: repo, includeDeployments: true });
  return report;
}

const providers = ['azure', 'oracle', 'softbank', 'aws', 'gcp', 'coreweave', 'openai', 'azure', 'azure', 'other'] as const;
const workloads = ['api', 'product', 'training', 'research', 'internal', 'training', 'research'] as const;

/** 10,000 deployments in one JSONL file, dated 2026 to 2031, on every provider, a third citing an approval; four waivers. */
export async function bigReport(tmp: TempDir, asOf = '2027-01-15'): Promise<Report> {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const provider = providers[i % providers.length]!;
    const workload = workloads[i % workloads.length]!;
    const month = (i * 7) % 72;
    const date = `${2026 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const spec: Record<string, unknown> = { workload, provider, capacity: { kind: i % 3 === 0 ? 'new' : 'existing', gpus: 500 + ((i * 37) % 20) * 250, megawatts: 2 + (i % 9) }, revenueShare: { metered: i % 5 !== 0 } };
    if (i % 3 === 1) spec.approval = { reference: i % 2 === 0 ? 'MSFT-CAP-2026-001' : 'MSFT-CAP-2026-002' };
    lines.push(JSON.stringify({ apiVersion: 'accord/v1', kind: 'Deployment', metadata: { name: `dep-${String(i).padStart(5, '0')}`, date }, spec }));
  }
  await tmp.write('big/inventory.jsonl', `${lines.join('\n')}\n`);
  await tmp.write(
    'big/waivers.yaml',
    [
      'waivers:',
      ...[
        ['product-capacity-off-azure', 'dep-0*', '2027-02-01'],
        ['revenue-share-unmetered', 'dep-1*', '2028-06-30'],
        ['capacity-without-approval', 'dep-2*', '2026-12-31'],
        ['api-exclusive-to-azure', 'dep-9999*', '2029-03-31'],
      ].flatMap(([rule, deployment, expiresOn]) => [`  - rule: ${rule}`, `    deployment: "${deployment}"`, '    reason: Generated for the browser test.', '    approvedBy: partnership-office', `    expiresOn: ${expiresOn}`]),
      '',
    ].join('\n'),
  );
  // The examples' registry, with a total cap on the approval a sixth of the deployments cite: a ledger to draw.
  const approvals = readFileSync(path.join(repo, 'fixtures/examples/approvals.yaml'), 'utf8').replace('    maxGpus: 400000\n', '    maxGpus: 400000\n    maxTotalGpus: 2000000\n');
  if (!approvals.includes('maxTotalGpus: 2000000')) throw new Error('fixtures/examples/approvals.yaml changed: the big report gives MSFT-CAP-2026-001 no cap');
  await tmp.write('big/approvals.yaml', approvals);
  const policy = await loadPolicy({ approvals: tmp.path('big/approvals.yaml'), waivers: tmp.path('big/waivers.yaml'), asOf, cwd: tmp.dir });
  const report = await policy.checkFiles(['big/inventory.jsonl'], { cwd: tmp.dir, includeDeployments: true });
  return report;
}
