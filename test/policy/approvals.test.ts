import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccordError } from '../../src/errors.js';
import { deriveApproval, type Approval } from '../../src/policy/approvals.js';
import { loadPolicy } from '../../src/index.js';
import type { Policy } from '../../src/types.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';

const approvalsYaml = `approvals:
  - reference: CAP-1
    grantedOn: 2027-01-15
    expiresOn: 2028-06-30
    providers: [oracle, softbank]
    workloads: [training, research]
    maxGpus: 1000
  - reference: CAP-OPEN
    grantedOn: 2026-01-01
    providers: [aws]
    workloads: [research]
`;

const outOfScope = ruleJson('out-of-scope', {
  message: 'Approval of {{metadata.name}} does not cover it: {{approval.problem}}.',
  at: 'spec.approval.reference',
  conditions: {
    all: [
      { fact: 'spec', path: '$.provider', operator: 'notEqual', value: 'azure' },
      { fact: 'approval', path: '$.status', operator: 'equal', value: 'out-of-scope' },
    ],
  },
});
const missing = ruleJson('missing', {
  message: '{{metadata.name}}: approval {{approval.status}}.',
  at: 'spec.approval.reference',
  conditions: {
    all: [
      { fact: 'spec', path: '$.provider', operator: 'notEqual', value: 'azure' },
      { fact: 'approval', path: '$.status', operator: 'in', value: ['absent', 'unregistered'] },
    ],
  },
});

interface Subject {
  date?: string;
  provider?: string;
  workload?: string;
  gpus?: number;
  reference?: string;
}

const deployment = (s: Subject = {}) =>
  manifest({
    date: s.date ?? '2027-03-01',
    provider: s.provider ?? 'oracle',
    workload: s.workload ?? 'training',
    spec: { capacity: { kind: 'new', gpus: s.gpus ?? 1000 }, ...(s.reference === undefined ? {} : { approval: { reference: s.reference } }) },
  });

describe('approvals', () => {
  let tmp: TempDir;
  let policy: Policy;
  beforeAll(async () => {
    tmp = await makeTempDir();
    await writeRules(tmp, 'rules', [outOfScope, missing]);
    await tmp.write('approvals.yaml', approvalsYaml);
    policy = await loadPolicy({ rules: 'rules', approvals: 'approvals.yaml', cwd: tmp.dir, asOf: '2027-01-01' });
  });
  afterAll(() => tmp.cleanup());

  const rulesFiring = async (s: Subject) => (await policy.check(deployment({ reference: 'CAP-1', ...s }))).map((f) => f.rule);
  const problemOf = async (s: Subject) => (await policy.check(deployment({ reference: 'CAP-1', ...s })))[0]?.message;

  it('covers a deployment dated on grantedOn, not the day before', async () => {
    expect(await rulesFiring({ date: '2027-01-15' })).toEqual([]);
    expect(await rulesFiring({ date: '2027-01-14' })).toEqual(['out-of-scope']);
    expect(await problemOf({ date: '2027-01-14' })).toContain('not granted until 2027-01-15');
  });

  it('covers a deployment dated on expiresOn, not the day after', async () => {
    expect(await rulesFiring({ date: '2028-06-30' })).toEqual([]);
    expect(await rulesFiring({ date: '2028-07-01' })).toEqual(['out-of-scope']);
    expect(await problemOf({ date: '2028-07-01' })).toContain('expired on 2028-06-30');
  });

  it('covers gpus equal to maxGpus, not one more', async () => {
    expect(await rulesFiring({ gpus: 1000 })).toEqual([]);
    expect(await rulesFiring({ gpus: 1001 })).toEqual(['out-of-scope']);
    expect(await problemOf({ gpus: 1001 })).toContain('1001 GPUs exceed its maxGpus of 1000');
  });

  it('does not cover a provider or a workload it does not list, and says why', async () => {
    expect(await problemOf({ provider: 'coreweave' })).toContain('does not list provider coreweave');
    expect(await problemOf({ workload: 'product' })).toContain('does not list workload product');
  });

  it('gives every reason at once', async () => {
    const message = await problemOf({ provider: 'aws', workload: 'api', gpus: 5000, date: '2030-01-01' });
    expect(message).toMatch(/expired on 2028-06-30.*provider aws.*workload api.*5000 GPUs/);
  });

  it('has no GPU cap or end date when the approval sets none', async () => {
    expect(await rulesFiring({ reference: 'CAP-OPEN', provider: 'aws', workload: 'research', gpus: 10_000_000, date: '2099-12-31' })).toEqual([]);
  });

  it('treats a reference missing from the registry as unregistered, and no reference as absent', async () => {
    expect(await rulesFiring({ reference: 'CAP-NOPE' })).toEqual(['missing']);
    expect((await policy.check(deployment({ reference: 'CAP-NOPE' })))[0]?.message).toContain('approval unregistered');
    expect((await policy.check(deployment()))[0]?.message).toContain('approval absent');
  });

  it('positions the finding at spec.approval.reference in the file', async () => {
    const text = `${manifestYaml({ provider: 'oracle', workload: 'training', date: '2027-01-14' })}  approval:\n    reference: CAP-1\n`;
    await tmp.write('d.yaml', text);
    const report = await policy.checkFiles('d.yaml', { cwd: tmp.dir });
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'out-of-scope', path: 'spec.approval.reference', ...positionOf(text, 'reference:') })]);
  });

  describe('without a registry', () => {
    it('notices that approvals were not verified, and approval out-of-scope never fires', async () => {
      const unverified = await loadPolicy({ rules: 'rules', cwd: tmp.dir, asOf: '2027-01-01' });
      expect(await unverified.check(deployment({ reference: 'CAP-1', date: '2020-01-01', gpus: 999_999, provider: 'other' }))).toEqual([]);
      await tmp.write('cited.yaml', `${manifestYaml({ provider: 'oracle', workload: 'training' })}  approval:\n    reference: ANY-REF\n`);
      const report = await unverified.checkFiles('cited.yaml', { cwd: tmp.dir });
      expect(report.findings).toEqual([]);
      expect(report.notices).toEqual([expect.objectContaining({ code: 'APPROVALS_NOT_VERIFIED', message: expect.stringContaining('1 deployment cites') })]);
    });

    it('the bundled approval-out-of-scope rule never fires either', async () => {
      // The same deployment fires it once a registry is given: the control shows the rule can fire on it.
      const outOfScope = deployment({ reference: 'MSFT-CAP-2026-001', provider: 'aws', workload: 'training', date: '2027-03-01' });
      const bundled = await loadPolicy({ asOf: '2027-01-01' });
      expect((await bundled.check(outOfScope)).map((f) => f.rule)).not.toContain('approval-out-of-scope');
      const withRegistry = await loadPolicy({ asOf: '2027-01-01', approvals: 'fixtures/examples/approvals.yaml' });
      expect((await withRegistry.check(outOfScope)).map((f) => f.rule)).toContain('approval-out-of-scope');
    });

    it('gives no notice when no deployment cites an approval', async () => {
      const unverified = await loadPolicy({ rules: 'rules', cwd: tmp.dir, asOf: '2027-01-01' });
      await tmp.write('plain.yaml', manifestYaml({ provider: 'azure' }));
      expect((await unverified.checkFiles('plain.yaml', { cwd: tmp.dir })).notices).toEqual([]);
    });
  });

  describe('bad registries', () => {
    async function rejection(name: string, text: string) {
      await tmp.write(name, text);
      const error = await loadPolicy({ rules: 'rules', approvals: name, cwd: tmp.dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccordError);
      expect((error as AccordError).code).toBe('APPROVALS_INVALID');
      const kept = await loadPolicy({ rules: 'rules', approvals: name, cwd: tmp.dir, keepGoing: true });
      expect(kept.problems).toEqual((error as AccordError).problems);
      expect(kept.problems.every((p) => p.code === 'APPROVALS_ERROR' && p.file === name)).toBe(true);
      return (error as AccordError).problems;
    }

    it('rejects a malformed file (schema) with the position of the field', async () => {
      const text = approvalsYaml.replace('maxGpus: 1000', 'maxGpus: lots');
      expect(await rejection('schema.yaml', text)).toEqual([expect.objectContaining({ path: 'approvals[0].maxGpus', ...positionOf(text, 'maxGpus') })]);
    });

    it('rejects unparseable YAML', async () => {
      expect(await rejection('broken.yaml', 'approvals:\n  - reference: [unclosed\n')).toEqual([expect.objectContaining({ line: expect.any(Number) })]);
    });

    it('rejects a JSON registry with an unknown field', async () => {
      const text = '{"approvals": [{"reference": "A", "grantedOn": "2027-01-01", "providers": ["aws"], "workloads": ["research"], "maxGPUs": 5}]}';
      expect(await rejection('bad.json', text)).toEqual([expect.objectContaining({ path: 'approvals[0].maxGPUs', ...positionOf(text, '"maxGPUs"') })]);
    });

    it('rejects a duplicate reference at its second occurrence', async () => {
      const text = `${approvalsYaml}  - reference: CAP-1\n    grantedOn: 2027-01-01\n    providers: [aws]\n    workloads: [research]\n`;
      expect(await rejection('dup.yaml', text)).toEqual([expect.objectContaining({ message: expect.stringContaining('duplicate approval reference "CAP-1"'), ...positionOf(text, 'reference: CAP-1', 1) })]);
    });

    it('rejects an approval that expires before it is granted', async () => {
      const text = approvalsYaml.replace('expiresOn: 2028-06-30', 'expiresOn: 2026-06-30');
      expect(await rejection('backwards.yaml', text)).toEqual([expect.objectContaining({ message: expect.stringContaining('expires (2026-06-30) before it is granted') })]);
    });

    it('rejects an impossible date', async () => {
      const text = approvalsYaml.replace('grantedOn: 2027-01-15', 'grantedOn: 2027-02-30');
      expect(await rejection('date.yaml', text)).toEqual([expect.objectContaining({ path: 'approvals[0].grantedOn' })]);
    });

    it('rejects a missing registry file', async () => {
      const error = await loadPolicy({ rules: 'rules', approvals: 'nope.yaml', cwd: tmp.dir }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'APPROVALS_INVALID' });
    });
  });
});

describe('deriveApproval', () => {
  const registry = new Map<string, Approval>([['A', { reference: 'A', grantedOn: '2027-01-01', expiresOn: '2027-12-31', providers: ['oracle'], workloads: ['training'], maxGpus: 10 }]]);
  const subject = { date: '2027-06-01', provider: 'oracle', workload: 'training', gpus: 10, reference: 'A' as string | undefined };

  it('gives each status', () => {
    expect(deriveApproval(subject, registry).status).toBe('covers');
    expect(deriveApproval({ ...subject, reference: undefined }, registry).status).toBe('absent');
    expect(deriveApproval({ ...subject, reference: undefined }, undefined).status).toBe('absent');
    expect(deriveApproval(subject, undefined).status).toBe('unverified');
    expect(deriveApproval({ ...subject, reference: 'B' }, registry).status).toBe('unregistered');
    expect(deriveApproval({ ...subject, gpus: 11 }, registry).status).toBe('out-of-scope');
  });
});
