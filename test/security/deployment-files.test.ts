// Hostile-input matrix (issue 5), deployment files: malformed, ambiguous or malicious manifests.
// Each case puts one hostile file next to good.yaml and runs the CLI and the library on the folder
// (see harness.ts for the contract every case is held to). The very large inputs are in large-inputs.test.ts.

import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { makeTempDir, positionOf } from '../support/tmp-dir.js';
import { vendorFile } from '../support/vendor.js';
import {
  cliReport,
  expectCleanExit,
  expectHostile,
  expectReadableProblems,
  GOOD_FILE,
  GOOD_NAME,
  GOOD_RULE,
  goodViolating,
  positionAt,
  runCli,
  runLibrary,
} from './harness.js';

const utf16Plan = vendorFile('checkov__aws_s3__UTF16LE_BOM.json');

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Deterministic bytes that are neither UTF-8 nor text (an xorshift stream with NULs and lone continuation bytes). */
function garbage(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x80, 0xbf], 0);
  return bytes;
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), 'Object.prototype was polluted').toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('hostile deployment files: syntax', () => {
  it('truncated JSON: a parse error at the end of the file, saying it may be truncated', async () => {
    const whole = json(manifest({ name: 'truncated' }));
    const text = whole.slice(0, whole.indexOf('"spec"') + '"spec": {'.length);
    await expectHostile({
      files: { 'truncated.json': text },
      expected: () => [{ file: 'truncated.json', code: 'PARSE_ERROR', ...positionAt(text, text.length), words: [/invalid JSON/, /truncated/] }],
    });
  });

  it('truncated JSON inside a string: an unterminated string', async () => {
    const whole = json(manifest({ name: 'truncated-string' }));
    const text = whole.slice(0, whole.indexOf('accord/v1') + 3);
    await expectHostile({
      files: { 'cut.json': text },
      expected: () => [{ file: 'cut.json', code: 'PARSE_ERROR', line: 2, words: [/invalid JSON/, /unterminated string/, /truncated/] }],
    });
  });

  it('broken YAML: a tab used as indentation', async () => {
    const text = manifestYaml({ name: 'tabs' }).replace('    gpus: 100', '\tgpus: 100');
    await expectHostile({
      files: { 'tabs.yaml': text },
      expected: () => [{ file: 'tabs.yaml', code: 'PARSE_ERROR', ...positionOf(text, '\tgpus'), words: [/invalid YAML/, /[Tt]abs/, /indentation/] }],
    });
  });

  it('broken YAML: an unclosed flow mapping, reported where the parser finds it still open', async () => {
    const text = 'apiVersion: accord/v1\nkind: Deployment\nmetadata: {name: unclosed, date: 2027-03-01\nspec:\n  workload: api\n';
    await expectHostile({
      files: { 'unclosed.yaml': text },
      expected: () => [{ file: 'unclosed.yaml', code: 'PARSE_ERROR', ...positionOf(text, 'spec:'), words: [/invalid YAML/, /[Ff]low map/, /end with a \}/] }],
    });
  });

  it('broken YAML: an unclosed flow sequence', async () => {
    const text = manifestYaml({ name: 'unclosed-seq' }).replace('  revenueShare:', '  endpoints: [{url: "https://a.example", hostedOn: azure}\n  revenueShare:');
    await expectHostile({
      files: { 'unclosed-seq.yaml': text },
      expected: () => [{ file: 'unclosed-seq.yaml', code: 'PARSE_ERROR', words: [/invalid YAML/, /[Ff]low sequence|\]/] }],
      also: (report) => {
        const problem = report.problems.find((p) => p.file === 'unclosed-seq.yaml');
        // Somewhere from the opening bracket to the line after it, never line 1 by default.
        expect(problem?.line).toBeGreaterThanOrEqual(positionOf(text, 'endpoints').line);
        expect(problem?.line).toBeLessThanOrEqual(positionOf(text, 'revenueShare').line);
      },
    });
  });

  it.each([
    ['garbage.yaml', 'ENCODING_ERROR'],
    ['garbage.json', 'ENCODING_ERROR'],
  ] as const)('binary garbage (%s): refused as not text', async (name, code) => {
    await expectHostile({
      files: { [name]: garbage(64 * 1024) },
      expected: () => [{ file: name, code, words: [/not UTF-8|binary/, /text/] }],
    });
  });

  it('binary garbage (garbage.jsonl): every line refused, with its line number', async () => {
    const bytes = garbage(64 * 1024);
    await expectHostile({
      files: { 'garbage.jsonl': bytes },
      expected: () => [{ file: 'garbage.jsonl', code: 'ENCODING_ERROR', line: 1, column: 1, words: [/not UTF-8/] }],
      also: (report) => {
        const lines = report.problems.filter((p) => p.file === 'garbage.jsonl');
        expect(lines.length).toBeGreaterThan(1);
        expect(lines.every((p) => typeof p.line === 'number' && p.line >= 1)).toBe(true);
        expect(report.summary.deployments).toBe(1);
      },
    });
  });

  // Named, as every case of this file that a folder walk would skip as not accord's (discovery.test.ts).
  it.each(['empty.json', 'empty.yaml', 'empty.jsonl'])('an empty file (%s): no deployment in it', async (name) => {
    await expectHostile({
      files: { [name]: '' },
      patterns: [GOOD_FILE, name],
      expected: () => [{ file: name, code: 'NO_DEPLOYMENTS', words: [/no deployment|empty/] }],
    });
  });

  it('a file of only whitespace: no deployment in it', async () => {
    await expectHostile({
      files: { 'blank.yaml': '\n   \n\t\n' },
      patterns: [GOOD_FILE, 'blank.yaml'],
      expected: () => [{ file: 'blank.yaml', code: 'NO_DEPLOYMENTS', words: [/empty/, /no deployment/] }],
    });
  });

  it('a YAML file of only comments (and empty documents): no deployment in it', async () => {
    await expectHostile({
      files: { 'comments.yaml': '# apiVersion: accord/v1\n# kind: Deployment\n---\n# nothing here either\n---\n' },
      patterns: [GOOD_FILE, 'comments.yaml'],
      expected: () => [{ file: 'comments.yaml', code: 'NO_DEPLOYMENTS', words: [/no deployment/, /only comments/] }],
    });
  });

  it('a JSON file of only comments: JSON has no comments', async () => {
    const text = '// apiVersion: accord/v1\n/* nothing else */\n';
    await expectHostile({
      files: { 'comments.json': text },
      expected: () => [{ file: 'comments.json', code: 'PARSE_ERROR', line: 1, column: 1, words: [/invalid JSON/, /comments are not allowed/] }],
    });
  });

  it('a JSONL file of only comments: line 1 is not JSON', async () => {
    await expectHostile({
      files: { 'comments.jsonl': '# a comment\n# another\n' },
      expected: () => [
        { file: 'comments.jsonl', code: 'PARSE_ERROR', line: 1, column: 1, words: [/invalid JSON/] },
        { file: 'comments.jsonl', code: 'PARSE_ERROR', line: 2, column: 1, words: [/invalid JSON/] },
      ],
    });
  });
});

describe('hostile deployment files: encodings', () => {
  it.each([
    ['bom.yaml', 'bom-yaml', manifestYaml({ name: 'bom-yaml', provider: 'oracle' }), 'provider:'],
    ['bom.json', 'bom-json', json(manifest({ name: 'bom-json', provider: 'oracle' })), '"provider"'],
    ['bom.jsonl', 'bom-jsonl', `${JSON.stringify(manifest({ name: 'bom-jsonl', provider: 'oracle' }))}\n`, '"provider"'],
  ])('UTF-8 with a BOM (%s) is accepted and checked, positions unshifted', async (name, deployment, text, field) => {
    const dir = await makeTempDir('accord-hostile-');
    try {
      await dir.write(GOOD_FILE, goodViolating);
      await dir.write(name, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
      const expectFinding = (report: Report): void => {
        expect(report.problems).toEqual([]);
        const finding = report.findings.find((f) => f.file === name);
        expect(finding).toMatchObject({ rule: GOOD_RULE, deployment });
        // The field at fault, counted in characters after the BOM.
        expect({ line: finding?.line, column: finding?.column }).toEqual(positionOf(text, field));
        expect(report.findings.some((f) => f.file === GOOD_FILE && f.deployment === GOOD_NAME)).toBe(true);
      };
      const run = runCli(['.', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(run, 1);
      expectFinding(cliReport(run));
      expectFinding((await runLibrary(dir.dir, ['.'])).report);
    } finally {
      await dir.cleanup();
    }
  });

  it('UTF-16 LE with a BOM (a real PowerShell-redirected Terraform plan): decoded, and read as a plan with nothing to check', async () => {
    const bytes = await readFile(utf16Plan);
    const dir = await makeTempDir('accord-hostile-');
    try {
      await dir.write(GOOD_FILE, goodViolating);
      await dir.write('plan.json', bytes);
      const expectPlanRead = (report: Report): void => {
        // Decoded, not refused as binary, and recognised as a plan: no problem, the notice for it, the manifest beside it still checked.
        expect(report.problems).toEqual([]);
        expect(report.notices).toContainEqual(expect.objectContaining({ code: 'TF_NO_DEPLOYMENTS', file: 'plan.json' }));
        expect(report.findings.some((f) => f.file === GOOD_FILE && f.deployment === GOOD_NAME)).toBe(true);
      };
      const run = runCli(['.', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(run, 1);
      expectPlanRead(cliReport(run));
      expectPlanRead((await runLibrary(dir.dir, ['.'])).report);
    } finally {
      await dir.cleanup();
    }
  });

  it('UTF-16 LE and BE with a BOM: a valid manifest is decoded and checked like UTF-8', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(manifestYaml({ name: 'utf16-le', provider: 'oracle' }), 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(manifest({ name: 'utf16-be', provider: 'oracle' })), 'utf16le')]));
    be.swap16();
    const dir = await makeTempDir('accord-hostile-');
    try {
      await dir.write(GOOD_FILE, goodViolating);
      await dir.write('le.yaml', le);
      await dir.write('be.json', be);
      const check = (report: Report): void => {
        expect(report.problems).toEqual([]);
        expect(report.findings.map((f) => [f.file, f.deployment, f.rule]).sort()).toEqual([
          ['be.json', 'utf16-be', GOOD_RULE],
          [GOOD_FILE, GOOD_NAME, GOOD_RULE],
          ['le.yaml', 'utf16-le', GOOD_RULE],
        ]);
      };
      const run = runCli(['.', '--format', 'json'], { cwd: dir.dir });
      expectCleanExit(run, 1);
      check(cliReport(run));
      check((await runLibrary(dir.dir, ['.'])).report);
    } finally {
      await dir.cleanup();
    }
  });

  it('UTF-16 JSONL: refused clearly (JSONL must be UTF-8)', async () => {
    const text = `${JSON.stringify(manifest({ name: 'utf16-jsonl' }))}\n`;
    await expectHostile({
      files: { 'utf16.jsonl': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) },
      expected: () => [{ file: 'utf16.jsonl', code: 'ENCODING_ERROR', line: 1, words: [/UTF-16/, /must be UTF-8/] }],
    });
  });

  it('Latin-1 text (not UTF-8, no BOM): refused as not UTF-8', async () => {
    const text = manifestYaml({ name: 'latin' }).replace('  workload: api', '  workload: api\n  region: S\u00e3o Paulo');
    await expectHostile({
      files: { 'latin1.yaml': Buffer.from(text, 'latin1') },
      expected: () => [{ file: 'latin1.yaml', code: 'ENCODING_ERROR', words: [/not UTF-8/] }],
    });
  });
});

describe('hostile deployment files: ambiguous and polluting keys', () => {
  it('a duplicate key in JSON: reported at its second occurrence, naming the first', async () => {
    const text = json(manifest({ name: 'dup-json' })).replace('"provider": "azure"', '"provider": "azure",\n    "provider": "oracle"');
    await expectHostile({
      files: { 'dup.json': text },
      expected: () => [
        { file: 'dup.json', code: 'DUPLICATE_KEY', ...positionOf(text, '"provider"', 1), words: [/duplicate key "provider"/, new RegExp(`first at line ${positionOf(text, '"provider"').line}`)] },
      ],
    });
  });

  it('a duplicate key in YAML: reported at its second occurrence', async () => {
    const text = manifestYaml({ name: 'dup-yaml' }).replace('  provider: azure', '  provider: azure\n  provider: oracle');
    await expectHostile({
      files: { 'dup.yaml': text },
      expected: () => [
        { file: 'dup.yaml', code: 'DUPLICATE_KEY', ...positionOf(text, 'provider', 1), words: [/duplicate key "provider"/, new RegExp(`first at line ${positionOf(text, 'provider').line}`)] },
      ],
    });
  });

  it('keys that become the same property name in YAML (1 and "1", null and ""): a duplicate, not a silent overwrite', async () => {
    const text = manifestYaml({ name: 'same-name' }).replace('  date: 2027-03-01\n', '  date: 2027-03-01\n  labels:\n    1: one\n    "1": uno\n');
    await expectHostile({
      files: { 'same-name.yaml': text },
      expected: () => [{ file: 'same-name.yaml', code: 'DUPLICATE_KEY', ...positionOf(text, '"1"'), words: [/duplicate key "1"/] }],
    });
  });

  it('a mapping or an alias used as a YAML key: refused (it would become "[object Object]" or collide)', async () => {
    const text = manifestYaml({ name: 'complex-key' }).replace('  date: 2027-03-01\n', '  date: 2027-03-01\n  labels:\n    ? {team: a}\n    : x\n');
    await expectHostile({
      files: { 'complex-key.yaml': text },
      expected: () => [{ file: 'complex-key.yaml', code: 'PARSE_ERROR', ...positionOf(text, '{team'), words: [/key must be a plain string/] }],
    });
  });

  // yaml's own duplicate check is quadratic: this file took four minutes before accord checked keys itself.
  it('a duplicate at the end of a 100,000-key YAML mapping: found in bounded time', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `    k${i}: v\n`).join('');
    const text = manifestYaml({ name: 'wide' }).replace('  date: 2027-03-01\n', `  date: 2027-03-01\n  labels:\n${keys}    k7: again\n`);
    await expectHostile({
      files: { 'wide.yaml': text },
      expected: () => [{ file: 'wide.yaml', code: 'DUPLICATE_KEY', ...positionOf(text, 'k7: again'), words: [/duplicate key "k7"/, new RegExp(`first at line ${positionOf(text, 'k7:').line}`)] }],
    });
  });

  it('a duplicate key in one JSONL line: reported with the line number', async () => {
    const lines = [manifest({ name: 'dup-a' }), manifest({ name: 'dup-b' })].map((m) => JSON.stringify(m));
    lines[1] = (lines[1] as string).replace('"workload":"api"', '"workload":"api","workload":"training"');
    const text = `${lines.join('\n')}\n`;
    await expectHostile({
      files: { 'dup.jsonl': text },
      expected: () => [{ file: 'dup.jsonl', code: 'DUPLICATE_KEY', ...positionOf(text, '"workload"', 2), words: [/duplicate key "workload"/] }],
      also: (report) => expect(report.summary.deployments).toBe(2),
    });
  });

  const forbidden = ['__proto__', 'constructor', 'prototype'] as const;

  it.each(forbidden)('a "%s" key in JSON: refused where it stands, nothing polluted', async (key) => {
    const text = `{\n  "apiVersion": "accord/v1",\n  "kind": "Deployment",\n  "metadata": {\n    "name": "proto-json",\n    "date": "2027-03-01",\n    "labels": {\n      "${key}": { "polluted": "yes" }\n    }\n  },\n  "spec": { "workload": "api", "provider": "azure", "capacity": { "kind": "existing", "gpus": 1 } }\n}\n`;
    await expectHostile({
      files: { 'proto.json': text },
      expected: () => [
        { file: 'proto.json', code: 'FORBIDDEN_KEY', path: `metadata.labels.${key}`, ...positionOf(text, `"${key}"`), words: [new RegExp(`forbidden key "${key}"`), /prototype/] },
      ],
    });
  });

  it.each(forbidden)('a "%s" key in YAML: refused where it stands, nothing polluted', async (key) => {
    const text = manifestYaml({ name: 'proto-yaml' }).replace('  date: 2027-03-01\n', `  date: 2027-03-01\n  labels:\n    ${key}:\n      polluted: "yes"\n`);
    await expectHostile({
      files: { 'proto.yaml': text },
      expected: () => [
        { file: 'proto.yaml', code: 'FORBIDDEN_KEY', path: `metadata.labels.${key}`, ...positionOf(text, `${key}:`), words: [new RegExp(`forbidden key "${key}"`), /prototype/] },
      ],
    });
  });

  it('a top-level "__proto__" key in a JSONL line: refused with its line number', async () => {
    const text = `${JSON.stringify(manifest({ name: 'proto-a' }))}\n{"__proto__": {"polluted": "yes"}, "apiVersion": "accord/v1"}\n`;
    await expectHostile({
      files: { 'proto.jsonl': text },
      expected: () => [{ file: 'proto.jsonl', code: 'FORBIDDEN_KEY', path: '__proto__', line: 2, column: 2, words: [/forbidden key "__proto__"/] }],
    });
  });

  it('a "<<" merge key in YAML is not merged (YAML 1.2): an unknown field', async () => {
    const text = `base: &base\n  workload: api\n---\n${manifestYaml({ name: 'merge' }).replace('spec:\n', 'spec:\n  <<: {provider: oracle}\n')}`;
    await expectHostile({
      files: { 'merge.yaml': text },
      expected: () => [{ file: 'merge.yaml', code: 'SCHEMA_ERROR', path: 'spec.<<', words: [/unknown field "<<"/] }],
    });
  });
});

describe('hostile deployment files: resource exhaustion in small files', () => {
  const laughs = [
    'lol: &lol ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...'abcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${i === 0 ? 'lol' : 'abcdefgh'[i - 1]}`).join(', ')}]`),
  ].join('\n');

  it('a YAML alias bomb (billion laughs): refused at its document, nothing expanded', async () => {
    const text = `${manifestYaml({ name: 'before-bomb' })}---\n${laughs}\n`;
    await expectHostile({
      files: { 'bomb.yaml': text },
      expected: () => [{ file: 'bomb.yaml', code: 'TOO_MANY_ALIASES', ...positionOf(text, 'lol:'), words: [/too many YAML alias/, /maxAliases 50/] }],
      // The document before the bomb is still checked.
      also: (report) => expect(report.summary.deployments).toBe(2),
    });
  });

  it('a YAML alias bomb inside a deployment (aliases in labels): refused', async () => {
    const text = manifestYaml({ name: 'bomb-in-labels' }).replace('  date: 2027-03-01\n', `  date: 2027-03-01\n  labels: &l {a: x, b: y}\n  annotations:\n${Array.from({ length: 60 }, (_, i) => `    k${i}: *l`).join('\n')}\n`);
    await expectHostile({
      files: { 'bomb-labels.yaml': text },
      expected: () => [{ file: 'bomb-labels.yaml', code: 'TOO_MANY_ALIASES', line: 1, column: 1, words: [/too many YAML alias/] }],
    });
  });

  it('an alias to an anchor that does not exist: a YAML error, not an alias bomb', async () => {
    const text = `${manifestYaml({ name: 'before-alias' })}---\n${manifestYaml({ name: 'dangling-alias' }).replace('provider: azure', 'provider: *nowhere')}`;
    await expectHostile({
      files: { 'alias.yaml': text },
      expected: () => [{ file: 'alias.yaml', code: 'PARSE_ERROR', ...positionOf(text, 'apiVersion', 1), words: [/invalid YAML/, /[Uu]nresolved alias/, /nowhere/] }],
      also: (report) => expect(report.problems.some((p) => p.code === 'TOO_MANY_ALIASES')).toBe(false),
    });
  });

  it('an alias inside its own anchor (a cycle): refused, never walked forever', async () => {
    const text = manifestYaml({ name: 'cycle' }).replace('  date: 2027-03-01\n', '  date: 2027-03-01\n  labels: &self {a: [*self]}\n');
    await expectHostile({
      files: { 'cycle.yaml': text },
      expected: () => [{ file: 'cycle.yaml', code: 'TOO_DEEP', words: [/nesting deeper than 64 levels/] }],
      also: (report) => expect(report.problems.find((p) => p.file === 'cycle.yaml')?.line).toBe(positionOf(text, 'labels').line),
    });
  });

  it('YAML 1.1 tags (!!timestamp, !!binary, !!set) cannot smuggle non-JSON values past the schema', async () => {
    const text = manifestYaml({ name: 'tags' }).replace('date: 2027-03-01', 'date: !!timestamp 2027-03-01').replace('  provider: azure', '  provider: !!binary YXp1cmU=');
    await expectHostile({
      files: { 'tags.yaml': text },
      expected: () => [
        { file: 'tags.yaml', code: 'SCHEMA_ERROR', path: 'metadata.date', ...positionOf(text, 'date:'), words: [/must be string/] },
        { file: 'tags.yaml', code: 'SCHEMA_ERROR', path: 'spec.provider', ...positionOf(text, 'provider:'), words: [/must be one of/] },
      ],
    });
  });

  const deep = 200_000;

  it('200,000 levels of nesting in JSON arrays: refused at the first level beyond 64', async () => {
    const text = `${'['.repeat(deep)}${']'.repeat(deep)}`;
    await expectHostile({
      files: { 'deep-array.json': text },
      expected: () => [{ file: 'deep-array.json', code: 'TOO_DEEP', line: 1, column: 65, words: [/nesting deeper than 64 levels/, /maxDepth/] }],
    });
  });

  it('200,000 levels of nesting in JSON objects: refused at the first level beyond 64', async () => {
    const text = `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`;
    await expectHostile({
      files: { 'deep-object.json': text },
      expected: () => [{ file: 'deep-object.json', code: 'TOO_DEEP', line: 1, column: 64 * 5 + 1, words: [/nesting deeper than 64 levels/] }],
    });
  });

  // The YAML depth scan runs before the parser and is an estimate (it may count one level early),
  // so the column is checked to point at the 64th or 65th level, not at line 1 column 1.
  it('200,000 levels of YAML flow nesting `[[[…`: refused before parsing', async () => {
    const text = `${'['.repeat(deep)}${']'.repeat(deep)}\n`;
    await expectHostile({
      files: { 'deep-flow.yaml': text },
      expected: () => [{ file: 'deep-flow.yaml', code: 'TOO_DEEP', line: 1, words: [/nesting deeper than 64 levels/] }],
      also: (report) => expect([64, 65]).toContain(report.problems.find((p) => p.file === 'deep-flow.yaml')?.column),
    });
  });

  it('200,000 levels of YAML block nesting `- - - …`: refused before parsing', async () => {
    const text = `${'- '.repeat(deep)}x\n`;
    await expectHostile({
      files: { 'deep-block.yaml': text },
      expected: () => [{ file: 'deep-block.yaml', code: 'TOO_DEEP', line: 1, words: [/nesting deeper than 64 levels/] }],
      also: (report) => expect([63 * 2 + 1, 64 * 2 + 1]).toContain(report.problems.find((p) => p.file === 'deep-block.yaml')?.column),
    });
  });

  // Indentation makes each level one byte longer than the last: 4,000 levels is about 8 MB, under the size limit.
  it('4,000 levels of indented YAML block nesting: refused at its line', async () => {
    const lines = Array.from({ length: 4_000 }, (_, i) => `${' '.repeat(i)}k:`);
    const text = `${lines.join('\n')} x\n`;
    await expectHostile({
      files: { 'deep-indent.yaml': text },
      expected: () => [{ file: 'deep-indent.yaml', code: 'TOO_DEEP', words: [/nesting deeper than 64 levels/] }],
      also: (report) => expect([64, 65]).toContain(report.problems.find((p) => p.file === 'deep-indent.yaml')?.line),
    });
  });

  it('deep nesting in one JSONL line: refused with the line number, the other lines checked', async () => {
    const text = `${JSON.stringify(manifest({ name: 'deep-a' }))}\n${'['.repeat(deep)}${']'.repeat(deep)}\n${JSON.stringify(manifest({ name: 'deep-c' }))}\n`;
    await expectHostile({
      files: { 'deep.jsonl': text },
      expected: () => [{ file: 'deep.jsonl', code: 'TOO_DEEP', line: 2, column: 65, words: [/nesting deeper than 64 levels/] }],
      also: (report) => expect(report.summary.deployments).toBe(3),
    });
  });
});

describe('hostile deployment files: valid syntax, invalid manifests', () => {
  it.each([
    ['apiVersion', 'accord/v1', 'accord/v2', /"accord\/v2" is not an apiVersion accord reads.*; did you mean "accord\/v1"\?/],
    ['kind', 'Deployment', 'Deploymnet', /"Deploymnet" is not a kind of accord\/v1.*; did you mean "Deployment"\?/],
  ])('a wrong %s: refused by the schema at the field, never skipped as another tool\'s document', async (field, good, bad, words) => {
    const text = manifestYaml({ name: 'wrong-header' }).replace(`${field}: ${good}`, `${field}: ${bad}`);
    await expectHostile({
      files: { 'header.yaml': text },
      expected: () => [{ file: 'header.yaml', code: 'SCHEMA_ERROR', path: field, ...positionOf(text, `${field}:`), words: [words] }],
    });
  });

  it('unknown fields (typos): each named at its key, with the missing field it was meant to be', async () => {
    const text = manifestYaml({ name: 'typos' }).replace('  provider: azure', '  provder: azure').replace('    gpus: 100', '    gpus: 100\n    gpu: 8');
    await expectHostile({
      files: { 'typos.yaml': text },
      expected: () => [
        { file: 'typos.yaml', code: 'SCHEMA_ERROR', path: 'spec.provder', ...positionOf(text, 'provder'), words: [/unknown field "provder"/] },
        { file: 'typos.yaml', code: 'SCHEMA_ERROR', path: 'spec.capacity.gpu', ...positionOf(text, 'gpu:'), words: [/unknown field "gpu"/] },
        { file: 'typos.yaml', code: 'SCHEMA_ERROR', path: 'spec', ...positionOf(text, 'spec:'), words: [/missing required field "provider"/] },
      ],
    });
  });

  it.each(['2027-02-30', '2026-13-01', '2027-3-1', '2027-03-01T00:00:00Z'])('an impossible or malformed date (%s): refused at the field', async (date) => {
    const text = manifestYaml({ name: 'bad-date' }).replace('date: 2027-03-01', `date: ${date}`);
    await expectHostile({
      files: { 'date.yaml': text },
      expected: () => [{ file: 'date.yaml', code: 'SCHEMA_ERROR', path: 'metadata.date', ...positionOf(text, 'date:'), words: [/real calendar date/, /YYYY-MM-DD/] }],
    });
  });

  it('an impossible ROFR offer date in JSON: refused at the field', async () => {
    const text = json(manifest({ name: 'bad-rofr', spec: { rofr: { reference: 'ROFR-1', offeredOn: '2026-02-29', decision: 'declined' } } }));
    await expectHostile({
      files: { 'rofr.json': text },
      expected: () => [{ file: 'rofr.json', code: 'SCHEMA_ERROR', path: 'spec.rofr.offeredOn', ...positionOf(text, '"offeredOn"'), words: [/real calendar date/] }],
    });
  });

  it('a duplicate metadata.name: a problem at the second deployment, both still checked', async () => {
    const one = manifestYaml({ name: 'twin', provider: 'oracle' });
    const text = `${one}---\n${one}`;
    await expectHostile({
      files: { 'twins.yaml': text },
      expected: () => [
        { file: 'twins.yaml', code: 'DUPLICATE_NAME', path: 'metadata.name', ...positionOf(text, 'apiVersion', 1), words: [/name "twin" is already used at twins\.yaml:1/, /unique/] },
      ],
      also: (report) => {
        expect(report.findings.filter((f) => f.file === 'twins.yaml' && f.deployment === 'twin')).toHaveLength(2);
      },
    });
  });

  it('a duplicate metadata.name across files: a problem at the later file', async () => {
    await expectHostile({
      files: { 'zz-copy.yaml': goodViolating },
      expected: () => [{ file: 'zz-copy.yaml', code: 'DUPLICATE_NAME', line: 1, column: 1, words: [new RegExp(`"${GOOD_NAME}" is already used at ${GOOD_FILE}:1`)] }],
    });
  });

  it('numbers where strings belong, in YAML: refused at each field', async () => {
    const text = manifestYaml({ name: 'x' }).replace('name: x', 'name: 123').replace('date: 2027-03-01', 'date: 20270301').replace('provider: azure', 'provider: 7');
    await expectHostile({
      files: { 'numbers.yaml': text },
      expected: () => [
        { file: 'numbers.yaml', code: 'SCHEMA_ERROR', path: 'metadata.name', ...positionOf(text, 'name:'), words: [/must be string/] },
        { file: 'numbers.yaml', code: 'SCHEMA_ERROR', path: 'metadata.date', ...positionOf(text, 'date:'), words: [/must be string/] },
        { file: 'numbers.yaml', code: 'SCHEMA_ERROR', path: 'spec.provider', ...positionOf(text, 'provider:'), words: [/must be one of "azure"/] },
      ],
    });
  });

  it('strings where numbers and booleans belong, in JSON: refused at each field (no coercion)', async () => {
    const text = json(manifest({ name: 'strings', spec: { capacity: { kind: 'existing', gpus: '100' }, revenueShare: { metered: 'true' } } }));
    await expectHostile({
      files: { 'strings.json': text },
      expected: () => [
        { file: 'strings.json', code: 'SCHEMA_ERROR', path: 'spec.capacity.gpus', ...positionOf(text, '"gpus"'), words: [/must be integer/] },
        { file: 'strings.json', code: 'SCHEMA_ERROR', path: 'spec.revenueShare.metered', ...positionOf(text, '"metered"'), words: [/must be boolean/] },
      ],
    });
  });

  it('YAML scalars that other YAML versions would coerce stay strings: `metered: yes` is not true', async () => {
    const text = manifestYaml({ name: 'norway' }).replace('metered: true', 'metered: yes');
    await expectHostile({
      files: { 'norway.yaml': text },
      expected: () => [{ file: 'norway.yaml', code: 'SCHEMA_ERROR', path: 'spec.revenueShare.metered', ...positionOf(text, 'metered:'), words: [/must be boolean/] }],
    });
  });

  it('a deployment that is not an object (a string, a number, null, an array of arrays): refused', async () => {
    const text = '"just a string"\n';
    await expectHostile({
      files: { 'scalar.json': text, 'null.yaml': 'null\n', 'nested.json': '[[1, 2]]\n' },
      patterns: [GOOD_FILE, 'scalar.json', 'null.yaml', 'nested.json'],
      expected: () => [
        { file: 'scalar.json', code: 'SCHEMA_ERROR', line: 1, column: 1, words: [/must be object/] },
        { file: 'null.yaml', code: 'SCHEMA_ERROR', line: 1, column: 1, words: [/must be object/] },
        { file: 'nested.json', code: 'SCHEMA_ERROR', line: 1, column: 2, words: [/must be object/] },
      ],
    });
  });
});

describe('hostile deployment files: control characters and very long strings', () => {
  it('control characters in metadata.name: refused by the name pattern', async () => {
    const text = json(manifest({ name: 'ctrl\u0007\u001b[2J\r\nforged: line' }));
    await expectHostile({
      files: { 'ctrl-name.json': text },
      expected: () => [{ file: 'ctrl-name.json', code: 'SCHEMA_ERROR', path: 'metadata.name', ...positionOf(text, '"name"'), words: [/must match the pattern/] }],
    });
  });

  it('a raw (unescaped) control character in a JSON string: a parse error at the character', async () => {
    const text = json(manifest({ name: 'raw-ctrl' })).replace('"workload": "api"', '"workload": "a\u0001pi"');
    await expectHostile({
      files: { 'raw-ctrl.json': text },
      expected: () => [{ file: 'raw-ctrl.json', code: 'PARSE_ERROR', line: positionOf(text, '\u0001').line, words: [/invalid JSON/, /control characters must be escaped/] }],
    });
  });

  it('terminal escape sequences in a key: refused, and escaped in every message and output', async () => {
    const key = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mevil';
    const text = manifestYaml({ name: 'ansi' }).replace('  workload: api', `  "${key.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a')}": 1\n  workload: api`);
    const { cli } = await expectHostile({
      files: { 'ansi.yaml': text },
      expected: () => [{ file: 'ansi.yaml', code: 'SCHEMA_ERROR', line: positionOf(text, '"\\e').line, words: [/unknown field/] }],
      also: (report) => {
        const problem = report.problems.find((p) => p.file === 'ansi.yaml');
        // The message shows the escapes as text, so a person sees what the key really holds.
        expect(problem?.message).not.toMatch(/[\u0000-\u001f]/);
        expect(problem?.message).toContain('\\u001b');
      },
    });
    expect(cli.problems).toHaveLength(1);
    const dir = await makeTempDir('accord-hostile-');
    try {
      await dir.write('ansi.yaml', text);
      for (const format of ['text', 'github', 'markdown', 'junit', 'sarif']) {
        const run = runCli(['.', '--format', format], { cwd: dir.dir });
        expectCleanExit(run, 2);
        expect(run.stdout, `raw control characters in ${format} output`).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      }
    } finally {
      await dir.cleanup();
    }
  });

  it('very long strings (a 100,000-character name, a 1 MB owner, a 100,000-character key): refused, messages kept short', async () => {
    const text = json({
      ...manifest({ name: 'n'.repeat(100_000) }),
      metadata: { name: 'n'.repeat(100_000), date: '2027-03-01', owner: 'o'.repeat(1_000_000) },
      ['k'.repeat(100_000)]: true,
    });
    await expectHostile({
      files: { 'long.json': text },
      expected: () => [
        { file: 'long.json', code: 'SCHEMA_ERROR', path: 'metadata.name', ...positionOf(text, '"name"'), words: [/must match the pattern/] },
        { file: 'long.json', code: 'SCHEMA_ERROR', path: 'metadata.owner', ...positionOf(text, '"owner"'), words: [/must NOT have more than 256 characters/] },
        { file: 'long.json', code: 'SCHEMA_ERROR', ...positionOf(text, '"kkk'), words: [/unknown field "k+…"/] },
      ],
      also: (report) => {
        for (const problem of report.problems) expect(`${problem.path ?? ''}${problem.message}${problem.deployment ?? ''}`.length).toBeLessThan(1000);
        expectReadableProblems(report);
      },
    });
  });

  it('a very long duplicate key: reported with the key cut short', async () => {
    const key = 'd'.repeat(50_000);
    const text = `{"${key}": 1, "${key}": 2}\n`;
    await expectHostile({
      files: { 'long-dup.json': text },
      expected: () => [{ file: 'long-dup.json', code: 'DUPLICATE_KEY', line: 1, column: key.length + 9, words: [/duplicate key "d+…"/] }],
    });
  });
});
