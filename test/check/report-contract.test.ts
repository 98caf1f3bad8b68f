// What the HTML report needs from a run, in the JSON report: what each deployment is, and the waivers' standing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');
const examples = path.join(repo, 'fixtures/examples');

describe('report.deployments with includeDeployments', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir();
    const withAll = manifest({ name: 'train-oracle', date: '2028-02-29', workload: 'training', provider: 'oracle', spec: { capacity: { kind: 'new', gpus: 64000, megawatts: 95.5 }, approval: { reference: 'MSFT-CAP-9' } } });
    await tmp.write('d/all.json', JSON.stringify(withAll));
    await tmp.write('d/plain.jsonl', `${JSON.stringify(manifest({ name: 'api-plain' }))}\n`);
  });
  afterAll(() => tmp.cleanup());

  it('gives provider, workload, gpus, megawatts, date and approval, leaving out what the manifest leaves out', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    const report = await policy.checkFiles(['d'], { cwd: tmp.dir, includeDeployments: true });
    const byName = new Map(report.deployments!.map((d) => [d.name, d]));
    expect(byName.get('train-oracle')).toMatchObject({ file: 'd/all.json', provider: 'oracle', workload: 'training', gpus: 64000, megawatts: 95.5, date: '2028-02-29', approval: 'MSFT-CAP-9' });
    const plain = byName.get('api-plain')!;
    expect(plain).toMatchObject({ file: 'd/plain.jsonl', provider: 'azure', workload: 'api', gpus: 100, date: '2027-03-01' });
    expect(Object.keys(plain)).not.toContain('megawatts');
    expect(Object.keys(plain)).not.toContain('approval');
  });
});

describe('report.waivers', () => {
  const run = async (asOf: string) => {
    const policy = await loadPolicy({ asOf, approvals: path.join(examples, 'approvals.yaml'), waivers: path.join(examples, 'waivers.yaml') });
    return policy.checkFiles(['fixtures/examples/deployments'], { cwd: repo });
  };

  it('lists each waiver with its standing on the run date and whether it waived a finding', async () => {
    const waiver = { rule: 'product-capacity-off-azure', deployment: 'chat-burst-*', approvedBy: 'partnership-office', expiresOn: '2027-12-31' };
    expect((await run('2027-06-01')).waivers).toEqual([expect.objectContaining({ ...waiver, status: 'active', used: true })]);
    // 30 days before expiry is "expiring" (the same window as the WAIVER_EXPIRING notice), one more day is not.
    expect((await run('2027-12-01')).waivers![0]).toMatchObject({ status: 'expiring', used: true });
    expect((await run('2027-11-30')).waivers![0]).toMatchObject({ status: 'active' });
    expect((await run('2028-01-01')).waivers![0]).toMatchObject({ status: 'expired', used: false });
  });

  it('is absent from a run without waivers', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    expect((await policy.checkFiles(['fixtures/examples/deployments'], { cwd: repo })).waivers).toBeUndefined();
  });
});
