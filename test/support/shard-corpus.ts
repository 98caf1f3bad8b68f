// A generated corpus for the shard/merge tests: duplicate names across files, a JSONL inventory
// (with a bad line and names other files use too), deployments past the rules' windows, a capacity
// ledger whose cap is passed, waivers used in one file only, unused, expired and of an unknown
// rule, and files that fail to parse or to validate.
import type { TempDir } from './tmp-dir.js';

const ledgerDeployment = (name: string, date: string, gpus: number, megawatts?: number) => ({
  apiVersion: 'accord/v1',
  kind: 'Deployment',
  metadata: { name, date },
  spec: {
    workload: 'training',
    provider: 'openai',
    capacity: { kind: 'new', gpus, ...(megawatts === undefined ? {} : { megawatts }) },
    rofr: { reference: `ROFR-${name}`, offeredOn: '2027-01-15', decision: 'declined' },
    approval: { reference: 'CAP-TOTAL-1' },
    ipAccess: { microsoft: true },
  },
});

const apiDeployment = (name: string, provider: string, date = '2027-03-01') => ({
  apiVersion: 'accord/v1',
  kind: 'Deployment',
  metadata: { name, date },
  spec: { workload: 'api', provider, capacity: { kind: 'existing', gpus: 100 }, revenueShare: { metered: provider === 'azure' } },
});

/** Writes the corpus under `corpus/` of `tmp`, with `approvals.yaml` and `waivers.yaml` beside it; returns the manifest paths. */
export async function writeShardCorpus(tmp: TempDir): Promise<string[]> {
  const files: string[] = [];
  const write = async (name: string, text: string) => {
    files.push(`corpus/${name}`);
    await tmp.write(`corpus/${name}`, text);
  };
  const yamlDocs = (docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n---\n') + '\n';
  for (let i = 0; i < 14; i++) {
    // Names repeat every 5 files: duplicates in files that land in different shards.
    await write(`api/api-${i}.yaml`, yamlDocs([apiDeployment(`api-dup-${i % 5}`, i % 2 === 0 ? 'oracle' : 'azure'), apiDeployment(`api-own-${i}`, 'gcp', i % 3 === 0 ? '2031-05-01' : '2027-03-01')]));
  }
  for (let i = 0; i < 6; i++) {
    await write(`ledger/site-${i}.json`, JSON.stringify(ledgerDeployment(`site-${i}`, `2027-0${i + 1}-01`, 100_000, i === 4 ? undefined : 500), null, 2));
  }
  await write('late/late.yaml', yamlDocs(Array.from({ length: 9 }, (_, i) => apiDeployment(`late-${i}`, 'oracle', '2031-02-01'))));
  const lines = Array.from({ length: 25 }, (_, i) => JSON.stringify(i === 7 ? { apiVersion: 'accord/v1' } : apiDeployment(i % 6 === 0 ? `api-dup-${i % 5}` : `inv-${i}`, i % 2 === 0 ? 'oracle' : 'azure', i % 4 === 0 ? '2031-01-01' : '2027-02-01')));
  lines.splice(12, 0, '{not json');
  await write('inventory.jsonl', `${lines.join('\n')}\n`);
  await write('broken/parse.json', '{"apiVersion": "accord/v1",,}');
  // Other tools' files in the walk: skipped and counted in one NOT_A_MANIFEST notice across shards.
  for (let i = 0; i < 8; i++) await write(`tools/tool-${i}/package.json`, JSON.stringify({ name: `tool-${i}`, version: '1.0.0' }));
  await write('tools/workflow.yaml', 'name: ci\non: push\n---\napiVersion: apps/v1\nkind: Deployment\n');
  await write('broken/schema.yaml', 'apiVersion: accord/v1\nkind: Deployment\nmetadata: {name: broken}\n');
  await tmp.write(
    'approvals.yaml',
    [
      'approvals:',
      '  - reference: CAP-TOTAL-1',
      '    grantedOn: 2026-01-01',
      '    providers: [openai]',
      '    workloads: [training]',
      '    maxGpus: 200000',
      '    maxTotalGpus: 350000',
      '    maxTotalMegawatts: 1800',
      '',
    ].join('\n'),
  );
  const waiver = (rule: string, deployment: string, expiresOn = '2027-12-31') => [`  - rule: ${rule}`, `    deployment: ${deployment}`, '    reason: test', '    approvedBy: office', `    expiresOn: ${expiresOn}`];
  await tmp.write(
    'waivers.yaml',
    [
      'waivers:',
      ...waiver('api-exclusive-to-azure', 'api-dup-2'),
      ...waiver('api-exclusive-to-azure', 'inv-10'),
      ...waiver('approval-total-exceeded', 'site-5'),
      ...waiver('api-exclusive-to-azure', 'nobody-*'),
      ...waiver('api-exclusive-to-azure', 'api-dup-4', '2027-01-01'),
      ...waiver('no-such-rule', 'api-dup-1'),
      '',
    ].join('\n'),
  );
  return files;
}
