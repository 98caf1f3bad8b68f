import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccordError } from '../../src/errors.js';
import { loadPolicy } from '../../src/index.js';
import { exitCode } from '../../src/report/exit-code.js';
import type { Problem } from '../../src/types.js';
import { manifestYaml } from '../support/manifests.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';

const leaf = (fact: string, path: string | undefined, operator: string, value: unknown) => ({ fact, ...(path === undefined ? {} : { path }), operator, value });
const twoLeaves = (first: unknown, second: unknown) => ({ conditions: { all: [first, second] } });
const workloadIsApi = leaf('spec', '$.workload', 'equal', 'api');

/** A valid ledger rule (it reads the capacity ledger); cases break one thing at a time. */
const overTheCap = leaf('approval', '$.cumulativeGpus', 'greaterThan', { fact: 'approval', path: '$.maxTotalGpus' });
const ledgerRule = (overrides: Record<string, unknown> = {}) =>
  ruleJson('bad', { at: 'spec.approval.reference', message: '{{metadata.name}}: {{approval.cumulativeGpus}} GPUs.', conditions: { all: [overTheCap] }, ...overrides });

interface Case {
  name: string;
  rule: Record<string, unknown>;
  /** Field path of the problem in the rule file. */
  path: string;
  /** Text in the rule file the problem points at. */
  at: string;
  message: RegExp;
}

const cases: Case[] = [
  { name: 'a schema failure (bad severity)', rule: ruleJson('bad', { severity: 'fatal' }), path: 'severity', at: '"severity"', message: /must be one of "error", "warning", "info"/ },
  { name: 'an unknown top-level field', rule: ruleJson('bad', { descripton: 'typo' }), path: 'descripton', at: '"descripton"', message: /unknown field "descripton"/ },
  {
    name: 'an unknown field in a condition',
    rule: ruleJson('bad', twoLeaves(workloadIsApi, { ...leaf('spec', '$.provider', 'notEqual', 'azure'), valeu: 'x' })),
    path: 'conditions.all[1].valeu',
    at: '"valeu"',
    message: /unknown field "valeu"/,
  },
  { name: 'an unknown operator', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.provider', 'equals', 'oracle'))), path: 'conditions.all[1].operator', at: '"operator": "equals"', message: /unknown operator "equals"/ },
  { name: 'an unknown fact', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('specs', '$.provider', 'equal', 'oracle'))), path: 'conditions.all[1].fact', at: '"fact": "specs"', message: /unknown fact "specs"/ },
  { name: 'an unknown path ($.provder)', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.provder', 'equal', 'oracle'))), path: 'conditions.all[1].path', at: '"path": "$.provder"', message: /spec\.provder/ },
  { name: 'an unknown path on a derived fact', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('approval', '$.state', 'equal', 'covers'))), path: 'conditions.all[1].path', at: '"path": "$.state"', message: /approval\.state/ },
  { name: '`in` with a string value (substring trap)', rule: ruleJson('bad', twoLeaves(leaf('spec', '$.region', 'in', 'eastus,westus'), leaf('spec', '$.provider', 'notEqual', 'azure'))), path: 'conditions.all[0].value', at: '"value": "eastus,westus"', message: /needs an array value/ },
  {
    name: '`in` against a fact reference to a string field (substring trap)',
    rule: ruleJson('bad', twoLeaves(leaf('spec', '$.provider', 'in', { fact: 'spec', path: '$.region' }), workloadIsApi)),
    path: 'conditions.all[0].value',
    at: '"value": {',
    message: /needs an array value, and spec\.region is not one/,
  },
  {
    name: '`in` against a fact reference to a list that can be absent (json-rules-engine would throw)',
    rule: ruleJson('bad', twoLeaves(leaf('spec', '$.workload', 'notIn', { fact: 'spec', path: '$.endpoints' }), workloadIsApi)),
    path: 'conditions.all[0].value',
    at: '"value": {',
    message: /"notIn" needs a list written in the rule: spec\.endpoints can be absent/,
  },
  { name: 'a date operator on a number field, against a date fact', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.capacity.gpus', 'dateAfter', { fact: 'metadata', path: '$.date' }))), path: 'conditions.all[1].path', at: '"path": "$.capacity.gpus"', message: /compares dates, and spec\.capacity\.gpus is not one/ },
  { name: 'a date operator against a fact that is not a date', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('metadata', '$.date', 'dateAfter', { fact: 'spec', path: '$.provider' }))), path: 'conditions.all[1].value', at: '"value": {', message: /compares dates, and spec\.provider is not one/ },
  { name: 'a number operator against a fact that is not a number', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.capacity.gpus', 'lessThan', { fact: 'spec', path: '$.provider' }))), path: 'conditions.all[1].value', at: '"value": {', message: /compares numbers, and spec\.provider is not one/ },
  { name: 'equal between facts of different types', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.capacity.gpus', 'equal', { fact: 'spec', path: '$.provider' }))), path: 'conditions.all[1].value', at: '"value": {', message: /spec\.provider is of type string and spec\.capacity\.gpus of type integer: "equal" would never see them equal/ },
  { name: 'an unknown fact in a fact reference', rule: ruleJson('bad', twoLeaves(leaf('spec', '$.provider', 'equal', { fact: 'nothing', path: '$.x' }), workloadIsApi)), path: 'conditions.all[0].value', at: '"value": {', message: /unknown fact "nothing"/ },
  { name: 'an enum value that can never match', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.provider', 'notEqual', 'Azure'))), path: 'conditions.all[1].value', at: '"value": "Azure"', message: /"Azure" can never be the value of spec\.provider/ },
  { name: 'an enum value in a list that can never match', rule: ruleJson('bad', twoLeaves(leaf('spec', '$.workload', 'in', ['api', 'products']), workloadIsApi)), path: 'conditions.all[0].value', at: '"value": [', message: /"products" can never be/ },
  { name: 'an integer field compared with a string', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.capacity.gpus', 'equal', '100'))), path: 'conditions.all[1].value', at: '"value": "100"', message: /"100" can never be the value of spec\.capacity\.gpus, which is of type integer/ },
  { name: 'a boolean field compared with a string', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.revenueShare.metered', 'notIn', [true, 'false']))), path: 'conditions.all[1].value', at: '"value": [', message: /"false" can never be the value of spec\.revenueShare\.metered/ },
  { name: 'a number operator on a string field', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.region', 'greaterThan', 5))), path: 'conditions.all[1].path', at: '"path": "$.region"', message: /compares numbers/ },
  { name: 'a date operator on a field that is not a date', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.region', 'dateAfter', '2027-01-01'))), path: 'conditions.all[1].path', at: '"path": "$.region"', message: /compares dates/ },
  { name: 'a number operator with a string value', rule: ruleJson('bad', twoLeaves(workloadIsApi, leaf('spec', '$.capacity.gpus', 'greaterThan', '100'))), path: 'conditions.all[1].value', at: '"value": "100"', message: /needs a number/ },
  { name: 'a message placeholder that cannot be filled', rule: ruleJson('bad', { message: 'Deployment {{metadata.name}} on {{spec.provder}}.' }), path: 'message', at: '"message"', message: /placeholder \{\{spec\.provder\}\} cannot be filled/ },
  { name: 'an `item` placeholder without `each`', rule: ruleJson('bad', { message: 'Endpoint {{item.url}}.' }), path: 'message', at: '"message"', message: /item/ },
  { name: 'onSuccess (a json-rules-engine field accord does not take)', rule: ruleJson('bad', { onSuccess: 'x' }), path: 'onSuccess', at: '"onSuccess"', message: /unknown field "onSuccess"/ },
  { name: 'onFailure', rule: ruleJson('bad', { onFailure: 'x' }), path: 'onFailure', at: '"onFailure"', message: /unknown field "onFailure"/ },
  { name: 'event', rule: ruleJson('bad', { event: { type: 'x' } }), path: 'event', at: '"event"', message: /unknown field "event"/ },
  { name: 'an effective window that ends before it starts', rule: ruleJson('bad', { effective: { from: '2031-01-01', until: '2030-12-31' } }), path: 'effective.until', at: '"until"', message: /would never apply/ },
  { name: '`each` that is not an array field', rule: ruleJson('bad', { each: 'spec.provider' }), path: 'each', at: '"each"', message: /not an array field/ },
  {
    name: 'a ledger rule reading a field the ledger does not keep',
    rule: ledgerRule({ conditions: { all: [overTheCap, leaf('spec', '$.region', 'equal', 'tokyo')] } }),
    path: 'conditions.all[1].path',
    at: '"path": "$.region"',
    message: /a rule that reads approval\.cumulativeGpus is evaluated on the capacity ledger .*which keeps only metadata\.name, .*: it cannot read spec\.region/,
  },
  {
    name: 'a ledger rule reading the whole approval fact',
    rule: ledgerRule({ conditions: { all: [leaf('approval', undefined, 'exists', true), overTheCap] } }),
    path: 'conditions.all[0].fact',
    at: '"fact": "approval"',
    message: /it cannot read approval$/,
  },
  { name: 'a ledger rule with a placeholder the ledger does not keep', rule: ledgerRule({ message: 'Over in {{spec.region}}: {{approval.cumulativeGpus}}.' }), path: 'message', at: '"message"', message: /it cannot read spec\.region/ },
  { name: 'a ledger rule with `each`', rule: ledgerRule({ each: 'spec.endpoints' }), path: 'each', at: '"each"', message: /cannot use "each"/ },
  { name: 'a ledger rule pointing at another field', rule: ledgerRule({ at: 'spec.provider' }), path: 'at', at: '"at"', message: /findings point at spec\.approval\.reference: set "at" to "spec\.approval\.reference"/ },
  { name: 'a ledger rule without "at"', rule: ledgerRule({ at: undefined }), path: 'at', at: '{', message: /reads approval\.cumulativeGpus .*set "at" to "spec\.approval\.reference"/ },
  {
    name: 'a ledger rule that compares a total with a number of its own, not with a cap',
    rule: ledgerRule({ conditions: { all: [leaf('approval', '$.cumulativeGpus', 'greaterThan', 1000000)] }, message: 'Cap {{approval.maxTotalGpus}}.' }),
    path: 'conditions',
    at: '"conditions"',
    message: /which only approvals with a cap have: its conditions must compare with approval\.maxTotalGpus or approval\.maxTotalMegawatts/,
  },
];

describe('rule-file rejections', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir();
    await tmp.write('d.yaml', manifestYaml());
  });
  afterEach(() => tmp.cleanup());

  /** The problems loadPolicy throws with, after checking it throws RULES_INVALID. */
  async function rejection(rules: string | string[]): Promise<readonly Problem[]> {
    const error = await loadPolicy({ rules, cwd: tmp.dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AccordError);
    expect((error as AccordError).code).toBe('RULES_INVALID');
    return (error as AccordError).problems;
  }

  /** With keepGoing the policy loads, and every report carries the problems (so the run exits 2). */
  async function keptGoing(rules: string | string[]): Promise<readonly Problem[]> {
    const policy = await loadPolicy({ rules, cwd: tmp.dir, keepGoing: true });
    const report = await policy.checkFiles('d.yaml', { cwd: tmp.dir });
    expect(report.problems).toEqual(expect.arrayContaining([...policy.problems]));
    expect(exitCode(report, 'error')).toBe(2);
    expect(exitCode(report, 'never')).toBe(2);
    return policy.problems;
  }

  it.each(cases)('rejects $name, naming the file, line and JSON path', async ({ rule, path, at, message }) => {
    await writeRules(tmp, 'rules', [ruleJson('good'), rule]);
    const text = await readFile(tmp.path('rules', 'bad.json'), 'utf8');
    const expected = expect.objectContaining({ file: 'rules/bad.json', code: 'RULE_ERROR', path, ...positionOf(text, at), message: expect.stringMatching(message) });
    const thrown = await rejection('rules');
    expect(thrown).toEqual([expected]);
    expect(await keptGoing('rules')).toEqual([expected]);
  });

  it('names the file, line and column in the error message too', async () => {
    await writeRules(tmp, 'rules', [ruleJson('good'), ruleJson('bad', { severity: 'fatal' })]);
    await expect(loadPolicy({ rules: 'rules', cwd: tmp.dir })).rejects.toThrow(/^rules\/bad\.json:\d+:\d+: severity: /);
  });

  it('rejects an id that differs from the file name', async () => {
    await writeRules(tmp, 'rules', [ruleJson('good')]);
    const text = `${JSON.stringify(ruleJson('something-else'), null, 2)}\n`;
    await tmp.write('rules/bad.json', text);
    const expected = expect.objectContaining({ file: 'rules/bad.json', code: 'RULE_ERROR', path: 'id', ...positionOf(text, '"id"'), message: expect.stringContaining('expected "bad"') });
    expect(await rejection('rules')).toEqual([expected]);
    expect(await keptGoing('rules')).toEqual([expected]);
  });

  it('rejects the same id in two rule folders, naming both files', async () => {
    await writeRules(tmp, 'one', [ruleJson('shared'), ruleJson('only-one')]);
    await writeRules(tmp, 'two', [ruleJson('shared')]);
    const text = await readFile(tmp.path('two', 'shared.json'), 'utf8');
    const expected = expect.objectContaining({ file: 'two/shared.json', path: 'id', ...positionOf(text, '"id"'), message: expect.stringContaining('also defined in one/shared.json') });
    expect(await rejection(['one', 'two'])).toEqual([expected]);
    expect(await keptGoing(['one', 'two'])).toEqual([expected]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a "%s" key with its position', async (key) => {
    await writeRules(tmp, 'rules', [ruleJson('good')]);
    const good = JSON.stringify(ruleJson('bad'), null, 2);
    const text = good.replace('"conditions": {', `"conditions": {\n    "${key}": { "polluted": true },`);
    await tmp.write('rules/bad.json', text);
    const expected = expect.objectContaining({ file: 'rules/bad.json', path: `conditions.${key}`, ...positionOf(text, `"${key}"`) });
    expect(await rejection('rules')).toEqual([expected]);
    expect(await keptGoing('rules')).toEqual([expected]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects invalid JSON with the position of the error', async () => {
    await writeRules(tmp, 'rules', [ruleJson('good')]);
    const text = '{\n  "id": "bad",\n  "title": "x",,\n}\n';
    await tmp.write('rules/bad.json', text);
    const expected = expect.objectContaining({ file: 'rules/bad.json', code: 'RULE_ERROR', line: 3, column: 16, message: expect.stringContaining('invalid JSON') });
    expect(await rejection('rules')).toEqual([expected]);
    expect(await keptGoing('rules')).toEqual([expected]);
  });

  it('rejects a duplicate key in a rule file', async () => {
    await writeRules(tmp, 'rules', [ruleJson('good')]);
    const text = JSON.stringify(ruleJson('bad'), null, 2).replace('"severity": "error",', '"severity": "error",\n  "severity": "info",');
    await tmp.write('rules/bad.json', text);
    expect(await rejection('rules')).toEqual([expect.objectContaining({ file: 'rules/bad.json', ...positionOf(text, '"severity"', 1), message: expect.stringContaining('duplicate key') })]);
  });

  it('reports every defect of every file, not just the first', async () => {
    await writeRules(tmp, 'rules', [ruleJson('good'), ruleJson('bad-one', { severity: 'fatal' }), ruleJson('bad-two', twoLeaves(leaf('spec', '$.provder', 'equal', 'x'), leaf('nope', undefined, 'equal', 1)))]);
    const problems = await rejection('rules');
    expect(problems.map((p) => [p.file, p.path])).toEqual([
      ['rules/bad-one.json', 'severity'],
      ['rules/bad-two.json', 'conditions.all[0].path'],
      ['rules/bad-two.json', 'conditions.all[1].fact'],
    ]);
  });

  it('refuses an empty rules folder (NO_RULES): zero rules must never pass everything', async () => {
    await tmp.write('empty/README.md', 'no rules here');
    const problems = await rejection('empty');
    expect(problems).toEqual([expect.objectContaining({ code: 'NO_RULES' })]);
    const kept = await keptGoing('empty');
    expect(kept).toEqual([expect.objectContaining({ code: 'NO_RULES' })]);
  });

  it('reports NO_RULES when every rule is broken, besides the defects themselves', async () => {
    await writeRules(tmp, 'rules', [ruleJson('bad', { severity: 'fatal' })]);
    expect((await rejection('rules')).map((p) => p.code)).toEqual(['RULE_ERROR', 'NO_RULES']);
  });

  it('refuses a missing rules folder', async () => {
    expect(await rejection('missing')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'RULE_ERROR', file: 'missing' })]));
  });

  it('a broken policy refuses check() too', async () => {
    await writeRules(tmp, 'rules', [ruleJson('good'), ruleJson('bad', { severity: 'fatal' })]);
    const policy = await loadPolicy({ rules: 'rules', cwd: tmp.dir, keepGoing: true });
    await expect(policy.check({})).rejects.toMatchObject({ code: 'RULES_INVALID' });
  });

  it('still checks with the good rules when keepGoing (the findings are reported, the run still fails)', async () => {
    await writeRules(tmp, 'rules', [ruleJson('good'), ruleJson('bad', { severity: 'fatal' })]);
    await tmp.write('oracle.yaml', manifestYaml({ provider: 'oracle' }));
    const policy = await loadPolicy({ rules: 'rules', cwd: tmp.dir, keepGoing: true });
    const report = await policy.checkFiles('oracle.yaml', { cwd: tmp.dir });
    expect(report.findings.map((f) => f.rule)).toEqual(['good']);
    expect(exitCode(report, 'error')).toBe(2);
  });
});
