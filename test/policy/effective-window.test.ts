import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWindow } from '../../src/policy/dates.js';
import { loadPolicy } from '../../src/index.js';
import type { Policy } from '../../src/types.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

describe('effective windows', () => {
  let tmp: TempDir;
  let policy: Policy;
  beforeAll(async () => {
    tmp = await makeTempDir();
    await writeRules(tmp, 'rules', [
      ruleJson('until-2030', { effective: { until: '2030-12-31' } }),
      ruleJson('from-2028', { effective: { from: '2028-01-01' } }),
      ruleJson('always'),
      // Windows are tested once per distinct window: rules sharing one still go in and out together.
      ruleJson('also-until-2030', { effective: { until: '2030-12-31' } }),
      ruleJson('from-2028-until-2030', { effective: { from: '2028-01-01', until: '2030-12-31' } }),
    ]);
    policy = await loadPolicy({ rules: 'rules', cwd: tmp.dir, asOf: '2027-01-01' });
  });
  afterAll(() => tmp.cleanup());

  const firing = async (date: string) => (await policy.check(manifest({ date, provider: 'oracle' }))).map((f) => f.rule).sort();

  it('applies a rule on the last day of its window and not on the day after', async () => {
    expect(await firing('2030-12-31')).toEqual(['also-until-2030', 'always', 'from-2028', 'from-2028-until-2030', 'until-2030']);
    expect(await firing('2031-01-01')).toEqual(['always', 'from-2028']);
  });

  it('applies a rule from the first day of its window and not on the day before', async () => {
    expect(await firing('2028-01-01')).toEqual(['also-until-2030', 'always', 'from-2028', 'from-2028-until-2030', 'until-2030']);
    expect(await firing('2027-12-31')).toEqual(['also-until-2030', 'always', 'until-2030']);
  });

  it('lists the rules skipped for a deployment dated outside their window in the notices', async () => {
    await tmp.write('late.yaml', manifestYaml({ name: 'late', date: '2031-01-01', provider: 'oracle' }));
    await tmp.write('early.yaml', manifestYaml({ name: 'early', date: '2027-06-01', provider: 'oracle' }));
    const report = await policy.checkFiles(['late.yaml', 'early.yaml'], { cwd: tmp.dir });
    const windowNotices = report.notices.filter((n) => n.code === 'RULE_OUT_OF_WINDOW');
    expect(windowNotices.map((n) => n.rule)).toEqual(['also-until-2030', 'from-2028', 'from-2028-until-2030', 'until-2030']);
    expect(windowNotices.find((n) => n.rule === 'until-2030')?.message).toMatch(/until 2030-12-31.*1 deployment.*late/);
    expect(windowNotices.find((n) => n.rule === 'from-2028')?.message).toMatch(/from 2028-01-01.*early/);
    expect(report.findings.map((f) => `${f.deployment}:${f.rule}`).sort()).toEqual(['early:also-until-2030', 'early:always', 'early:until-2030', 'late:always', 'late:from-2028']);
  });

  it('gives no window notice when every rule applied', async () => {
    await tmp.write('mid.yaml', manifestYaml({ name: 'mid', date: '2029-06-01', provider: 'oracle' }));
    const report = await policy.checkFiles('mid.yaml', { cwd: tmp.dir });
    expect(report.notices.filter((n) => n.code === 'RULE_OUT_OF_WINDOW')).toEqual([]);
  });

  it('inWindow compares whole dates, inclusive at both ends', () => {
    expect(inWindow('2030-12-31', { until: '2030-12-31' })).toBe(true);
    expect(inWindow('2031-01-01', { until: '2030-12-31' })).toBe(false);
    expect(inWindow('2028-01-01', { from: '2028-01-01', until: '2028-01-01' })).toBe(true);
    expect(inWindow('2027-12-31', { from: '2028-01-01' })).toBe(false);
    expect(inWindow('1999-01-01', undefined)).toBe(true);
  });
});

describe('effective windows in a pack of many rules', () => {
  // Splits of a pack into applied and skipped rules are kept by which windows hold the date: a bit
  // mask up to 31 distinct windows, a string beyond. Both must give each deployment the rules of its own date.
  const day = (i: number): string => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10);
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir();
  });
  afterAll(() => tmp.cleanup());

  for (const count of [31, 40]) {
    it(`${count} rules, each from its own day: a deployment gets those from its date back`, async () => {
      const ids = Array.from({ length: count }, (_, i) => `from-day-${String(i).padStart(2, '0')}`);
      await writeRules(tmp, `rules-${count}`, ids.map((id, i) => ruleJson(id, { effective: { from: day(i) } })));
      const policy = await loadPolicy({ rules: `rules-${count}`, cwd: tmp.dir, asOf: '2027-01-01' });
      for (const k of [count - 1, 0, Math.floor(count / 2), 5, count - 1, 0, 30]) {
        const fired = (await policy.check(manifest({ date: day(k), provider: 'oracle' }))).map((f) => f.rule).sort();
        expect(fired, day(k)).toEqual(ids.slice(0, k + 1));
      }
    });
  }
});
