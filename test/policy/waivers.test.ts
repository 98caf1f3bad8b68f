import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccordError } from '../../src/errors.js';
import { loadPolicy } from '../../src/index.js';
import { exitCode } from '../../src/report/exit-code.js';
import type { Report } from '../../src/types.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';

interface WaiverSpec {
  rule?: string;
  deployment: string;
  expiresOn?: string;
}

const waiversYaml = (waivers: WaiverSpec[]): string =>
  `waivers:\n${waivers
    .map((w) => {
      const lines = [`  - rule: ${w.rule ?? 'api-on-azure'}`, `    deployment: "${w.deployment}"`, '    reason: Launch overflow.', '    approvedBy: partnership-office'];
      if (w.expiresOn !== undefined) lines.push(`    expiresOn: ${w.expiresOn}`);
      return lines.join('\n');
    })
    .join('\n')}\n`;

describe('waivers', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir();
    await writeRules(tmp, 'rules', [ruleJson('api-on-azure'), ruleJson('other-rule', { severity: 'warning' })]);
    for (const name of ['chat-burst-1', 'chat-burst-22', 'chat-main']) await tmp.write(`d/${name}.yaml`, manifestYaml({ name, provider: 'oracle' }));
  });
  afterEach(() => tmp.cleanup());

  async function run(waivers: WaiverSpec[], asOf = '2027-06-01'): Promise<Report> {
    await tmp.write('waivers.yaml', waiversYaml(waivers));
    const policy = await loadPolicy({ rules: 'rules', waivers: 'waivers.yaml', asOf, cwd: tmp.dir });
    return policy.checkFiles('d', { cwd: tmp.dir });
  }
  const waivedNames = (report: Report) => report.findings.filter((f) => f.rule === 'api-on-azure' && f.waived).map((f) => f.deployment);
  const noticeCodes = (report: Report) => report.notices.map((n) => n.code);

  it('matches deployment names with a glob', async () => {
    expect(waivedNames(await run([{ deployment: 'chat-burst-*', expiresOn: '2027-12-31' }]))).toEqual(['chat-burst-1', 'chat-burst-22']);
    expect(waivedNames(await run([{ deployment: 'chat-burst-?', expiresOn: '2027-12-31' }]))).toEqual(['chat-burst-1']);
    expect(waivedNames(await run([{ deployment: 'chat-main', expiresOn: '2027-12-31' }]))).toEqual(['chat-main']);
    expect(waivedNames(await run([{ deployment: 'chat', expiresOn: '2027-12-31' }]))).toEqual([]);
  });

  it('waives only the named rule', async () => {
    const report = await run([{ deployment: '*', expiresOn: '2027-12-31' }]);
    const other = report.findings.filter((f) => f.rule === 'other-rule');
    const named = report.findings.filter((f) => f.rule === 'api-on-azure');
    // Both lists hold findings, so `every` below cannot pass on nothing.
    expect(other.length).toBeGreaterThan(0);
    expect(named.length).toBeGreaterThan(0);
    expect(other.every((f) => !f.waived)).toBe(true);
    expect(named.every((f) => f.waived)).toBe(true);
  });

  it('keeps a waived finding in the report, marked waived with the waiver attached, and it does not fail the run', async () => {
    const report = await run([{ deployment: 'chat-*', expiresOn: '2027-12-31' }]);
    const finding = report.findings.find((f) => f.rule === 'api-on-azure' && f.deployment === 'chat-main');
    expect(finding).toMatchObject({
      waived: true,
      severity: 'error',
      waiver: { rule: 'api-on-azure', deployment: 'chat-*', reason: 'Launch overflow.', approvedBy: 'partnership-office', expiresOn: '2027-12-31' },
    });
    expect(report.summary).toMatchObject({ errors: 0, warnings: 3, waived: 3, problems: 0 });
    expect(exitCode(report, 'error')).toBe(0);
    expect(exitCode(report, 'warning')).toBe(1);
  });

  it('an active finding still fails the run next to a waived one', async () => {
    const report = await run([{ deployment: 'chat-burst-*', expiresOn: '2027-12-31' }]);
    expect(report.summary).toMatchObject({ errors: 1, waived: 2 });
    expect(exitCode(report, 'error')).toBe(1);
  });

  it('an expired waiver (expiresOn before the run date) suppresses nothing and is a notice', async () => {
    const report = await run([{ deployment: 'chat-*', expiresOn: '2027-05-31' }], '2027-06-01');
    expect(waivedNames(report)).toEqual([]);
    expect(report.summary.errors).toBe(3);
    expect(exitCode(report, 'error')).toBe(1);
    expect(report.notices).toEqual([expect.objectContaining({ code: 'WAIVER_EXPIRED', rule: 'api-on-azure', message: expect.stringContaining('expired on 2027-05-31') })]);
  });

  it('a waiver is still active on its expiresOn date', async () => {
    const report = await run([{ deployment: 'chat-*', expiresOn: '2027-06-01' }], '2027-06-01');
    expect(waivedNames(report)).toHaveLength(3);
    expect(noticeCodes(report)).not.toContain('WAIVER_EXPIRED');
  });

  it('judges expiry by the run date (asOf), not by the deployment date', async () => {
    await tmp.write('waivers.yaml', waiversYaml([{ deployment: 'chat-main', expiresOn: '2027-01-01' }]));
    const early = await loadPolicy({ rules: 'rules', waivers: 'waivers.yaml', asOf: '2026-12-31', cwd: tmp.dir });
    expect((await early.check(manifest({ name: 'chat-main', provider: 'oracle', date: '2099-01-01' }))).find((f) => f.rule === 'api-on-azure')?.waived).toBe(true);
    const late = await loadPolicy({ rules: 'rules', waivers: 'waivers.yaml', asOf: '2027-01-02', cwd: tmp.dir });
    expect((await late.check(manifest({ name: 'chat-main', provider: 'oracle', date: '2026-01-01' }))).find((f) => f.rule === 'api-on-azure')?.waived).toBe(false);
  });

  it('notices a waiver that expires within 30 days, and not one that expires later', async () => {
    expect(noticeCodes(await run([{ deployment: 'chat-*', expiresOn: '2027-07-01' }], '2027-06-01'))).toEqual(['WAIVER_EXPIRING']);
    expect(noticeCodes(await run([{ deployment: 'chat-*', expiresOn: '2027-07-02' }], '2027-06-01'))).toEqual([]);
  });

  it('notices a waiver that matched no finding', async () => {
    const report = await run([{ deployment: 'nothing-*', expiresOn: '2027-12-31' }]);
    expect(report.notices).toEqual([expect.objectContaining({ code: 'WAIVER_UNUSED', message: expect.stringContaining('nothing-*') })]);
  });

  it('notices a waiver for a rule that is not in the pack', async () => {
    const report = await run([{ rule: 'no-such-rule', deployment: '*', expiresOn: '2027-12-31' }]);
    expect(noticeCodes(report)).toContain('WAIVER_UNKNOWN_RULE');
    expect(report.notices.find((n) => n.code === 'WAIVER_UNKNOWN_RULE')?.rule).toBe('no-such-rule');
  });

  it('points at the unknown rule id in the waivers file and suggests the rule it most likely meant', async () => {
    const report = await run([
      { deployment: 'chat-main', expiresOn: '2027-12-31' },
      { rule: 'api-on-azur', deployment: '*', expiresOn: '2027-12-31' },
      { rule: 'unrelated-words', deployment: '*', expiresOn: '2027-12-31' },
    ]);
    const text = await readFile(tmp.path('waivers.yaml'), 'utf8');
    const at = positionOf(text, 'rule: api-on-azur\n');
    const unknown = report.notices.filter((n) => n.code === 'WAIVER_UNKNOWN_RULE');
    expect(unknown[0]).toEqual({
      code: 'WAIVER_UNKNOWN_RULE',
      rule: 'api-on-azur',
      file: 'waivers.yaml',
      ...at,
      message: `waivers.yaml:${at.line}:${at.column}: waiver for api-on-azur on * names a rule that is not in the pack; did you mean "api-on-azure"?`,
    });
    expect(unknown[1]?.message).toMatch(/^waivers\.yaml:\d+:\d+: waiver for unrelated-words on \* names a rule that is not in the pack$/);
  });

  it('applies waivers in policy.check() too', async () => {
    await tmp.write('waivers.yaml', waiversYaml([{ deployment: 'chat-*', expiresOn: '2027-12-31' }]));
    const policy = await loadPolicy({ rules: 'rules', waivers: 'waivers.yaml', asOf: '2027-06-01', cwd: tmp.dir });
    const findings = await policy.check(manifest({ name: 'chat-x', provider: 'oracle' }));
    expect(findings.find((f) => f.rule === 'api-on-azure')).toMatchObject({ waived: true, waiver: { deployment: 'chat-*' } });
    expect(findings.find((f) => f.rule === 'other-rule')).toMatchObject({ waived: false });
  });

  it('rejects a waiver without expiresOn (WAIVERS_INVALID), naming the entry', async () => {
    const text = waiversYaml([{ deployment: 'chat-*', expiresOn: '2027-12-31' }, { deployment: 'forever' }]);
    await tmp.write('waivers.yaml', text);
    const error = await loadPolicy({ rules: 'rules', waivers: 'waivers.yaml', cwd: tmp.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccordError);
    expect(error).toMatchObject({ code: 'WAIVERS_INVALID' });
    expect((error as AccordError).problems).toEqual([
      expect.objectContaining({ code: 'WAIVERS_ERROR', file: 'waivers.yaml', path: 'waivers[1]', message: expect.stringContaining('missing required field "expiresOn"'), ...positionOf(text, 'rule: api-on-azure', 1) }),
    ]);
    const kept = await loadPolicy({ rules: 'rules', waivers: 'waivers.yaml', cwd: tmp.dir, keepGoing: true });
    const report = await kept.checkFiles('d/chat-main.yaml', { cwd: tmp.dir });
    expect(report.problems.map((p) => p.code)).toEqual(['WAIVERS_ERROR']);
    expect(exitCode(report, 'error')).toBe(2);
  });

  it('rejects a waiver with an impossible expiry date', async () => {
    await tmp.write('waivers.yaml', waiversYaml([{ deployment: 'x', expiresOn: '2027-02-30' }]));
    await expect(loadPolicy({ rules: 'rules', waivers: 'waivers.yaml', cwd: tmp.dir })).rejects.toMatchObject({ code: 'WAIVERS_INVALID' });
  });
});
