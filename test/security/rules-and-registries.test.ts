// Hostile-input matrix (issue 5), rule files and registries: the policy side. A defect in a rule,
// approvals or waivers file is a problem naming the file, line and column; the run exits 2; and,
// since the CLI (and the library with keepGoing) goes on with what loaded, good.yaml is still
// checked by the rules that are sound. Without keepGoing the library refuses the policy outright.
// Same contract as the other matrix files (harness.ts).

import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AccordError, loadPolicy, type PolicyOptions } from '../../src/index.js';
import { referenceRegistryCopy, approvalsDocument } from '../support/arbitraries.js';
import { ruleJson } from '../support/rule-files.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';
import { bundledRulesDir, expectCleanExit, expectHostile, GOOD_FILE, GOOD_NAME, GOOD_RULE, goodViolating, runCli, type ExpectedProblem } from './harness.js';

/** The bundled pack, copied: the sound rules a hostile one sits among. */
async function copyPack(dir: TempDir): Promise<void> {
  await mkdir(dir.path('rules'), { recursive: true });
  for (const name of await readdir(bundledRulesDir)) await copyFile(`${bundledRulesDir}/${name}`, dir.path('rules', name));
}

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

interface PolicyCase {
  /** Files of the policy side (rules/…, approvals.yaml, waivers.yaml). */
  files: Record<string, string>;
  withPack?: boolean;
  rules?: readonly string[];
  approvals?: string;
  waivers?: string;
  expected: (text: (name: string) => string) => readonly ExpectedProblem[];
  /** The AccordError code loadPolicy throws without keepGoing. */
  code: AccordError['code'];
  good?: null;
}

/** One hostile policy file: through the CLI and the library (keepGoing), then loadPolicy without keepGoing. */
async function expectHostilePolicy(c: PolicyCase): Promise<void> {
  const texts = new Map(Object.entries(c.files));
  const text = (name: string): string => texts.get(name) ?? '';
  const rules = c.rules ?? (c.withPack === false ? undefined : ['rules']);
  const options = (): PolicyOptions => ({
    ...(rules ? { rules: [...rules] } : {}),
    ...(c.approvals ? { approvals: c.approvals } : {}),
    ...(c.waivers ? { waivers: c.waivers } : {}),
  });
  const flags = [...(rules ?? []).flatMap((r) => ['--rules', r]), ...(c.approvals ? ['--approvals', c.approvals] : []), ...(c.waivers ? ['--waivers', c.waivers] : [])];
  await expectHostile({
    files: c.files,
    setup: async (dir) => {
      if (c.withPack !== false) await copyPack(dir);
    },
    // Only good.yaml is a manifest: the policy files sit in the same folder.
    patterns: [GOOD_FILE],
    cliArgs: () => flags,
    policy: () => options(),
    expected: () => c.expected(text),
    ...(c.good === null ? { good: null } : {}),
    also: (report) => {
      // The policy's problems reach every report, so the run fails however clean the manifests are.
      expect(report.summary.deployments).toBe(1);
    },
  });

  const dir = await makeTempDir('accord-policy-');
  try {
    await dir.write(GOOD_FILE, goodViolating);
    for (const [name, content] of Object.entries(c.files)) await dir.write(name, content);
    if (c.withPack !== false) await copyPack(dir);
    const error = await loadPolicy({ cwd: dir.dir, ...options() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'loadPolicy must refuse a broken policy without keepGoing').toBeInstanceOf(AccordError);
    expect((error as AccordError).code).toBe(c.code);
    expect((error as AccordError).message).not.toMatch(/\n {4}at /);
    const first = c.expected(text)[0] as ExpectedProblem;
    expect((error as AccordError).message).toContain(first.file);
  } finally {
    await dir.cleanup();
  }
}

const leaf = (fact: string, path: string, operator: string, value: unknown): Record<string, unknown> => ({ fact, path, operator, value });
const apiOn = (second: Record<string, unknown>): Record<string, unknown> => ({ conditions: { all: [leaf('spec', '$.workload', 'equal', 'api'), second] } });

describe('hostile rule files', () => {
  it('invalid JSON in a rule file: a problem at the error, the sound rules still applied', async () => {
    const bad = pretty(ruleJson('bad-json')).replace('"severity": "error",', '"severity": "error"');
    await expectHostilePolicy({
      files: { 'rules/bad-json.json': bad },
      expected: (t) => [{ file: 'rules/bad-json.json', code: 'RULE_ERROR', ...positionOf(t('rules/bad-json.json'), '"clause"'), words: [/invalid JSON/, /expected ','/] }],
      code: 'RULES_INVALID',
    });
  });

  it('an unknown operator: a problem at the operator, naming the known ones', async () => {
    await expectHostilePolicy({
      files: { 'rules/bad-operator.json': pretty(ruleJson('bad-operator', apiOn(leaf('spec', '$.provider', 'isNot', 'azure')))) },
      expected: (t) => [
        { file: 'rules/bad-operator.json', code: 'RULE_ERROR', path: 'conditions.all[1].operator', ...positionOf(t('rules/bad-operator.json'), '"operator": "isNot"'), words: [/unknown operator "isNot"/, /known: .*notEqual/] },
      ],
      code: 'RULES_INVALID',
    });
  });

  it('an unknown fact: a problem at the fact, naming the facts there are', async () => {
    await expectHostilePolicy({
      files: { 'rules/bad-fact.json': pretty(ruleJson('bad-fact', apiOn(leaf('deployment', '$.provider', 'notEqual', 'azure')))) },
      expected: (t) => [
        { file: 'rules/bad-fact.json', code: 'RULE_ERROR', path: 'conditions.all[1].fact', ...positionOf(t('rules/bad-fact.json'), '"fact": "deployment"'), words: [/unknown fact "deployment"/, /facts: apiVersion, kind, metadata, spec/] },
      ],
      code: 'RULES_INVALID',
    });
  });

  it('an unknown path (a typo in a field name): a problem at the path', async () => {
    await expectHostilePolicy({
      files: { 'rules/bad-path.json': pretty(ruleJson('bad-path', apiOn(leaf('spec', '$.provder', 'notEqual', 'azure')))) },
      expected: (t) => [
        { file: 'rules/bad-path.json', code: 'RULE_ERROR', path: 'conditions.all[1].path', ...positionOf(t('rules/bad-path.json'), '"path": "$.provder"'), words: [/"spec\.provder" is not a field/] },
      ],
      code: 'RULES_INVALID',
    });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a "%s" key in a rule file: refused where it stands, nothing polluted', async (key) => {
    const bad = pretty(ruleJson('bad-proto')).replace('"id": "bad-proto",', `"id": "bad-proto",\n  "${key}": { "polluted": true },`);
    await expectHostilePolicy({
      files: { 'rules/bad-proto.json': bad },
      expected: (t) => [{ file: 'rules/bad-proto.json', code: 'RULE_ERROR', path: key, ...positionOf(t('rules/bad-proto.json'), `"${key}"`), words: [new RegExp(`forbidden key "${key}"`)] }],
      code: 'RULES_INVALID',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a "__proto__" key inside a condition: refused where it stands', async () => {
    const bad = pretty(ruleJson('bad-proto-deep')).replace('"operator": "equal",', '"operator": "equal",\n        "__proto__": { "operator": "notEqual" },');
    await expectHostilePolicy({
      files: { 'rules/bad-proto-deep.json': bad },
      expected: (t) => [{ file: 'rules/bad-proto-deep.json', code: 'RULE_ERROR', path: 'conditions.all[0].__proto__', ...positionOf(t('rules/bad-proto-deep.json'), '"__proto__"'), words: [/forbidden key "__proto__"/] }],
      code: 'RULES_INVALID',
    });
  });

  it('the same rule id in two rule folders: a problem at the second, naming the first', async () => {
    const copy = pretty(ruleJson(GOOD_RULE));
    await expectHostilePolicy({
      files: { [`more/${GOOD_RULE}.json`]: copy },
      rules: ['rules', 'more'],
      expected: (t) => [
        { file: `more/${GOOD_RULE}.json`, code: 'RULE_ERROR', path: 'id', ...positionOf(t(`more/${GOOD_RULE}.json`), '"id"'), words: [new RegExp(`duplicate rule id "${GOOD_RULE}"`), new RegExp(`rules/${GOOD_RULE}\\.json`)] },
      ],
      code: 'RULES_INVALID',
    });
  });

  it.each([
    ['onSuccess', 'a function name json-rules-engine would call'],
    ['onFailure', 'a function name json-rules-engine would call'],
    ['event', 'an event json-rules-engine would emit'],
  ])('a "%s" field (%s): refused as an unknown field', async (field) => {
    const bad = pretty({ ...ruleJson('bad-callback'), [field]: field === 'event' ? { type: 'x', params: { run: 'rm -rf /' } } : 'process.exit' });
    await expectHostilePolicy({
      files: { 'rules/bad-callback.json': bad },
      expected: (t) => [{ file: 'rules/bad-callback.json', code: 'RULE_ERROR', path: field, ...positionOf(t('rules/bad-callback.json'), `"${field}"`), words: [new RegExp(`unknown field "${field}"`)] }],
      code: 'RULES_INVALID',
    });
  });

  it('an "onSuccess" field inside a condition: refused as an unknown field', async () => {
    const bad = pretty(ruleJson('bad-callback-deep', apiOn({ ...leaf('spec', '$.provider', 'notEqual', 'azure'), onSuccess: 'process.exit' })));
    await expectHostilePolicy({
      files: { 'rules/bad-callback-deep.json': bad },
      expected: (t) => [
        { file: 'rules/bad-callback-deep.json', code: 'RULE_ERROR', path: 'conditions.all[1].onSuccess', ...positionOf(t('rules/bad-callback-deep.json'), '"onSuccess"'), words: [/unknown field "onSuccess"/] },
      ],
      code: 'RULES_INVALID',
    });
  });

  it('an empty rules folder: exit 2, never 0 (zero rules would pass everything)', async () => {
    await expectHostilePolicy({
      files: { 'empty-rules/README.md': 'no rules here' },
      withPack: false,
      rules: ['empty-rules'],
      expected: () => [{ file: 'empty-rules', code: 'NO_RULES', words: [/no rules found/, /zero rules would pass everything/] }],
      code: 'RULES_INVALID',
      good: null,
    });
  });

  it('a rules folder that does not exist: exit 2, naming it', async () => {
    await expectHostilePolicy({
      files: {},
      withPack: false,
      rules: ['no-such-rules'],
      expected: () => [{ file: 'no-such-rules', code: 'RULE_ERROR', words: [/cannot read the rules folder/, /no such file/] }],
      code: 'RULES_INVALID',
      good: null,
    });
  });
});

describe('hostile approvals registries', () => {
  const registry = (): Record<string, unknown> => approvalsDocument(referenceRegistryCopy());

  it('invalid YAML in the approvals file: a problem at the error', async () => {
    const text = 'approvals:\n  - reference: MSFT-CAP-1\n    grantedOn: 2026-01-01\n    providers: [oracle\n    workloads: [training]\n';
    await expectHostilePolicy({
      files: { 'approvals.yaml': text },
      approvals: 'approvals.yaml',
      expected: () => [{ file: 'approvals.yaml', code: 'APPROVALS_ERROR', line: 5, words: [/invalid YAML/] }],
      code: 'APPROVALS_INVALID',
    });
  });

  it('a malformed entry (a provider as a string, an impossible date, a typo): a problem at each field', async () => {
    const text = pretty({
      approvals: [{ reference: 'MSFT-CAP-1', grantedOn: '2026-02-30', providers: 'oracle', workloads: ['training'], maxGpu: 10 }],
    });
    await expectHostilePolicy({
      files: { 'approvals.json': text },
      approvals: 'approvals.json',
      expected: () => [
        { file: 'approvals.json', code: 'APPROVALS_ERROR', path: 'approvals[0].grantedOn', ...positionOf(text, '"grantedOn"'), words: [/real calendar date/] },
        { file: 'approvals.json', code: 'APPROVALS_ERROR', path: 'approvals[0].providers', ...positionOf(text, '"providers"'), words: [/must be array/] },
        { file: 'approvals.json', code: 'APPROVALS_ERROR', path: 'approvals[0].maxGpu', ...positionOf(text, '"maxGpu"'), words: [/unknown field "maxGpu"/] },
      ],
      code: 'APPROVALS_INVALID',
    });
  });

  it('a reference listed twice, and an approval that expires before it is granted: a problem at each', async () => {
    const doc = registry() as { approvals: Record<string, unknown>[] };
    doc.approvals.push({ ...doc.approvals[0], note: 'the same reference again' });
    (doc.approvals[1] as Record<string, unknown>).expiresOn = '2020-01-01';
    const text = pretty(doc);
    await expectHostilePolicy({
      files: { 'approvals.json': text },
      approvals: 'approvals.json',
      expected: () => [
        { file: 'approvals.json', code: 'APPROVALS_ERROR', ...positionOf(text, '"reference"', 4), words: [/duplicate approval reference "MSFT-CAP-2026-001"/] },
        { file: 'approvals.json', code: 'APPROVALS_ERROR', ...positionOf(text, '"expiresOn"', 1), words: [/expires \(2020-01-01\) before it is granted/] },
      ],
      code: 'APPROVALS_INVALID',
    });
  });

  it('a "__proto__" key in the approvals file: refused where it stands', async () => {
    const text = 'approvals:\n  - reference: MSFT-CAP-1\n    grantedOn: 2026-01-01\n    providers: [oracle]\n    workloads: [training]\n    __proto__: {maxGpus: 1}\n';
    await expectHostilePolicy({
      files: { 'approvals.yaml': text },
      approvals: 'approvals.yaml',
      expected: () => [{ file: 'approvals.yaml', code: 'APPROVALS_ERROR', ...positionOf(text, '__proto__'), words: [/forbidden key "__proto__"/] }],
      code: 'APPROVALS_INVALID',
    });
  });

  it('an approvals file that does not exist: a problem naming it', async () => {
    await expectHostilePolicy({
      files: {},
      approvals: 'approvals.yaml',
      expected: () => [{ file: 'approvals.yaml', code: 'APPROVALS_ERROR', words: [/no such file/] }],
      code: 'APPROVALS_INVALID',
    });
  });
});

describe('hostile waivers files', () => {
  const waiver = { rule: GOOD_RULE, deployment: GOOD_NAME, reason: 'migration in progress', approvedBy: 'partnership-office', expiresOn: '2099-01-01' };

  it('a waiver without an expiry: the file is refused, and the finding it names is not waived', async () => {
    const { expiresOn: _, ...noExpiry } = waiver;
    const text = pretty({ waivers: [noExpiry] });
    await expectHostilePolicy({
      files: { 'waivers.json': text },
      waivers: 'waivers.json',
      expected: () => [{ file: 'waivers.json', code: 'WAIVERS_ERROR', path: 'waivers[0]', ...positionOf(text, '{', 1), words: [/missing required field "expiresOn"/] }],
      code: 'WAIVERS_INVALID',
    });
  });

  it('a waiver with an impossible expiry date: refused, nothing waived', async () => {
    const text = `waivers:\n  - rule: ${GOOD_RULE}\n    deployment: ${GOOD_NAME}\n    reason: forever\n    approvedBy: someone\n    expiresOn: 2099-02-30\n`;
    await expectHostilePolicy({
      files: { 'waivers.yaml': text },
      waivers: 'waivers.yaml',
      expected: () => [{ file: 'waivers.yaml', code: 'WAIVERS_ERROR', path: 'waivers[0].expiresOn', ...positionOf(text, 'expiresOn'), words: [/real calendar date/] }],
      code: 'WAIVERS_INVALID',
    });
  });

  it('invalid YAML in the waivers file: a problem at the error, nothing waived', async () => {
    const text = `waivers:\n  - rule: ${GOOD_RULE}\n    deployment: "${GOOD_NAME}\n    expiresOn: 2099-01-01\n`;
    await expectHostilePolicy({
      files: { 'waivers.yaml': text },
      waivers: 'waivers.yaml',
      expected: () => [{ file: 'waivers.yaml', code: 'WAIVERS_ERROR', words: [/invalid YAML/] }],
      code: 'WAIVERS_INVALID',
    });
  });

  it('a waivers file that is not a list (a wildcard map, unknown fields): refused', async () => {
    const text = pretty({ waivers: { '*': 'all' }, waiveEverything: true });
    await expectHostilePolicy({
      files: { 'waivers.json': text },
      waivers: 'waivers.json',
      expected: () => [
        { file: 'waivers.json', code: 'WAIVERS_ERROR', path: 'waivers', ...positionOf(text, '"waivers"'), words: [/must be array/] },
        { file: 'waivers.json', code: 'WAIVERS_ERROR', path: 'waiveEverything', ...positionOf(text, '"waiveEverything"'), words: [/unknown field "waiveEverything"/] },
      ],
      code: 'WAIVERS_INVALID',
    });
  });
});

describe('hostile config files', () => {
  // A broken config stops the run before anything is checked: nothing is judged by a half-read configuration.
  it.each([
    ['invalid JSON', '{\n  "failOn": "never",\n}\n', /accord\.config\.json:3:1: invalid JSON/],
    ['an unknown field', '{\n  "failOnn": "never"\n}\n', /accord\.config\.json:2:3: failOnn: unknown field "failOnn"/],
    ['a "__proto__" key', '{\n  "__proto__": { "failOn": "never" }\n}\n', /accord\.config\.json:2:3: forbidden key "__proto__"/],
    ['a wrong type', '{\n  "rules": "rules/"\n}\n', /accord\.config\.json:2:3: rules: must be array/],
  ])('a config with %s: exit 2, naming the file, line and column', async (_, text, message) => {
    const dir = await makeTempDir('accord-config-');
    try {
      await dir.write(GOOD_FILE, goodViolating);
      await dir.write('accord.config.json', text);
      const run = runCli([GOOD_FILE], { cwd: dir.dir });
      expectCleanExit(run, 2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    } finally {
      await dir.cleanup();
    }
  });
});
