import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';
import { ansi, noStackTrace, repo, runCli } from './run-cli.js';

let tmp: TempDir;
const asOf = ['--as-of', '2027-01-01'];
const check = (args: string[], options: { input?: string | Buffer; env?: Record<string, string | undefined> } = {}) =>
  runCli(['check', '--rules', 'rules', ...asOf, ...args], { cwd: tmp.dir, ...options });

beforeAll(async () => {
  tmp = await makeTempDir('accord-cli-');
  await writeRules(tmp, 'rules', [
    ruleJson('api-on-azure'),
    ruleJson('big-capacity', {
      severity: 'warning',
      message: '{{metadata.name}} asks for {{spec.capacity.gpus}} GPUs.',
      at: 'spec.capacity.gpus',
      conditions: { all: [{ fact: 'spec', path: '$.capacity.gpus', operator: 'greaterThan', value: 1000 }] },
    }),
    ruleJson('training-note', {
      severity: 'info',
      message: '{{metadata.name}} is training.',
      at: 'spec.workload',
      conditions: { all: [{ fact: 'spec', path: '$.workload', operator: 'equal', value: 'training' }] },
    }),
  ]);
  await tmp.write('clean.yaml', manifestYaml({ name: 'clean' }));
  await tmp.write('error.yaml', manifestYaml({ name: 'api-oracle', provider: 'oracle' }));
  await tmp.write('warning.json', JSON.stringify(manifest({ name: 'big', workload: 'internal', spec: { capacity: { kind: 'new', gpus: 5000 } } }), null, 2));
  await tmp.write('info.yaml', manifestYaml({ name: 'trainer', workload: 'training' }));
  await tmp.write('broken.json', '{\n  "apiVersion": "accord/v1",\n  "kind": \n}\n');
  await tmp.write('empty/readme.md', 'nothing');
});
afterAll(() => tmp.cleanup());

describe('accord check: exit codes', () => {
  it('exits 0 when nothing fails', () => {
    const result = check(['clean.yaml']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('exits 1 on an error finding', () => {
    expect(check(['error.yaml']).status).toBe(1);
  });

  it('exits 0 on warnings and infos with the default --fail-on error', () => {
    expect(check(['warning.json', 'info.yaml']).status).toBe(0);
  });

  it('--fail-on warning fails on a warning but not on an info; --fail-on never passes errors', () => {
    expect(check(['warning.json', '--fail-on', 'warning']).status).toBe(1);
    expect(check(['info.yaml', '--fail-on', 'warning']).status).toBe(0);
    expect(check(['error.yaml', '--fail-on', 'never']).status).toBe(0);
  });

  it('exits 2 on a problem, and 2 wins over 1 and over --fail-on never', () => {
    expect(check(['broken.json']).status).toBe(2);
    const both = check(['broken.json', 'error.yaml']);
    expect(both.status).toBe(2);
    expect(both.stdout).toContain('api-on-azure');
    expect(check(['broken.json', 'error.yaml', '--fail-on', 'never']).status).toBe(2);
  });

  it('exits 2 when a path or glob matches nothing', () => {
    expect(check(['missing.yaml']).status).toBe(2);
    expect(check(['nothing/**/*.yaml']).status).toBe(2);
    expect(check(['empty']).status).toBe(2);
  });

  it('exits 2, never 0, on an empty rules folder', () => {
    const result = runCli(['check', '--rules', 'empty', ...asOf, 'clean.yaml'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('NO_RULES');
    expect(runCli(['check', '--rules', 'empty', '--fail-on', 'never', 'clean.yaml'], { cwd: tmp.dir }).status).toBe(2);
  });

  it.each([
    ['an unknown format', ['--format', 'xml', 'clean.yaml'], /xml/],
    ['an unknown --fail-on', ['--fail-on', 'sometimes', 'clean.yaml'], /sometimes/],
    ['an impossible --as-of', ['--as-of', '2027-02-30', 'clean.yaml'], /2027-02-30/],
    ['a malformed --as-of', ['--as-of', 'yesterday', 'clean.yaml'], /yesterday/],
    ['no paths and no config', [], /nothing to check/],
    ['stdin combined with paths', ['-', 'clean.yaml'], /stdin/],
    ['an unknown option', ['--frobnicate', 'clean.yaml'], /frobnicate/],
    ['a missing approvals file', ['--approvals', 'nope.yaml', 'clean.yaml'], /nope\.yaml/],
  ])('exits 2 on a usage error: %s, with a message and no stack trace', (_name, args, message) => {
    const result = check(args);
    expect(result.status).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toMatch(message);
    expect(noStackTrace(result.stderr)).toBe(true);
  });
});

describe('accord check: text format', () => {
  it('groups by file, one `file:line:col  severity  rule  message` line per finding, evidence and the fix beneath, a summary last', async () => {
    const result = check(['error.yaml', 'warning.json', 'broken.json', 'info.yaml']);
    const lines = result.stdout.trimEnd().split('\n');
    const errorText = await readFile(tmp.path('error.yaml'), 'utf8');
    const warningText = await readFile(tmp.path('warning.json'), 'utf8');
    const at = (file: string, text: string, needle: string) => {
      const p = positionOf(text, needle);
      return `${file}:${p.line}:${p.column}`;
    };
    const fileHeaders = lines.filter((l) => /^\S/.test(l) && !l.startsWith('✖') && !l.startsWith('notice'));
    expect(fileHeaders).toEqual(['broken.json', 'error.yaml', 'info.yaml', 'warning.json']);
    expect(lines).toContain(`  ${at('error.yaml', errorText, 'provider:')}  error    api-on-azure  API deployment api-oracle runs on oracle.`);
    expect(lines).toContain(`  ${at('warning.json', warningText, '"gpus"')}  warning  big-capacity  big asks for 5000 GPUs.`);
    expect(lines.some((l) => /^ {2}info\.yaml:\d+:\d+ {2}info {5}training-note {2}trainer is training\.$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}broken\.json:4:1 {2}problem {2}PARSE_ERROR {2}invalid JSON/.test(l))).toBe(true);
    const findingLine = lines.findIndex((l) => l.includes('api-on-azure  API deployment'));
    expect(lines[findingLine + 1]).toBe('      spec.workload is "api" (violation when it is "api")');
    expect(lines[findingLine + 2]).toBe('      spec.provider is "oracle" (violation when it is not "azure")');
    expect(lines[findingLine + 3]).toBe('      fix: Move it to Azure.');
    expect(lines.at(-1)).toMatch(/^✖ 1 error, 1 warning, 1 info, 0 waived, 1 problem in 3 deployments \(4 files\); rule pack custom 0\.0\.0 \(3 rules, sha256 [0-9a-f]{12}\); as of 2027-01-01$/);
  });

  it('says so in the summary when everything passes', () => {
    const stdout = check(['clean.yaml']).stdout;
    expect(stdout).toMatch(/^✔ 0 errors, 0 warnings, 0 infos, 0 waived, 0 problems in 1 deployment \(1 file\); rule pack custom 0\.0\.0 \(3 rules/);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('has no ANSI escapes without a terminal or with NO_COLOR, and colours only when forced', () => {
    expect(check(['error.yaml', 'broken.json']).stdout).not.toMatch(ansi);
    expect(check(['error.yaml'], { env: { NO_COLOR: undefined } }).stdout).not.toMatch(ansi);
    expect(check(['error.yaml'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(check(['error.yaml'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
  });

  it('cannot be forged by control characters in a manifest', async () => {
    const forged = manifest({ name: 'forged', provider: 'oracle' }) as { metadata: Record<string, unknown> };
    await tmp.write('forged.json', JSON.stringify({ ...forged, metadata: { ...forged.metadata, labels: { x: 'y' } }, kind: 'Deployment\n  fake.yaml:1:1  error  x  forged\u001b[31m' }));
    const result = check(['forged.json'], { env: { NO_COLOR: undefined } });
    expect(result.status).toBe(2);
    expect(result.stdout).not.toMatch(ansi);
    expect(result.stdout.split('\n').some((l) => l.startsWith('  fake.yaml'))).toBe(false);
  });
});

describe('accord check: JSON format', () => {
  it('follows the documented contract', async () => {
    const result = check(['--format', 'json', 'error.yaml', 'warning.json', 'broken.json', 'info.yaml']);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['version', 'tool', 'rulePack', 'summary', 'findings', 'problems', 'notices']));
    expect(report.version).toBe(1);
    const pkg = JSON.parse(await readFile(`${repo}/package.json`, 'utf8')) as { version: string };
    expect(report.tool).toEqual({ name: 'accord', version: pkg.version });
    expect(report.rulePack).toMatchObject({ name: 'custom', version: '0.0.0', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.summary).toEqual({ files: 4, deployments: 3, errors: 1, warnings: 1, infos: 1, waived: 0, problems: 1 });
    const errorText = await readFile(tmp.path('error.yaml'), 'utf8');
    expect(report.findings.find((f) => f.rule === 'api-on-azure')).toEqual({
      rule: 'api-on-azure',
      severity: 'error',
      deployment: 'api-oracle',
      file: 'error.yaml',
      ...positionOf(errorText, 'provider:'),
      path: 'spec.provider',
      message: 'API deployment api-oracle runs on oracle.',
      evidence: [
        { path: 'spec.workload', actual: 'api', operator: 'equal', expected: 'api', text: 'spec.workload is "api" (violation when it is "api")' },
        { path: 'spec.provider', actual: 'oracle', operator: 'notEqual', expected: 'azure', text: 'spec.provider is "oracle" (violation when it is not "azure")' },
      ],
      clause: 'The OpenAI API is exclusive to Azure.',
      remediation: 'Move it to Azure.',
      waived: false,
    });
    expect(report.problems).toEqual([{ file: 'broken.json', line: 4, column: 1, code: 'PARSE_ERROR', message: expect.stringContaining('invalid JSON') }]);
    expect(report.notices).toEqual([]);
    expect(report.findings.map((f) => f.file)).toEqual(['error.yaml', 'info.yaml', 'warning.json']);
  });

  it('writes only the JSON document to stdout', () => {
    const result = check(['--format', 'json', 'clean.yaml']);
    expect(result.status).toBe(0);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stdout.endsWith('}\n')).toBe(true);
    expect(result.stderr).toBe('');
  });
});

describe('accord check: --output', () => {
  it('writes the report to the file and a one-line summary to stderr', async () => {
    const result = check(['--format', 'json', '--output', 'report.json', 'error.yaml']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^✖ 1 error, 0 warnings, 0 infos, 0 waived, 0 problems in 1 deployment \(1 file\)/);
    const report = JSON.parse(await readFile(tmp.path('report.json'), 'utf8')) as Report;
    expect(report.findings.map((f) => f.rule)).toEqual(['api-on-azure']);
  });

  it('writes text without colour to the file, even when colour is forced', async () => {
    const result = check(['--output', 'report.txt', 'error.yaml'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.status).toBe(1);
    const text = await readFile(tmp.path('report.txt'), 'utf8');
    expect(text).toContain('error.yaml:');
    expect(text).not.toMatch(ansi);
  });
});

describe('accord check: help', () => {
  it('--help and -h print the usage and exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = runCli(['check', flag], { cwd: tmp.dir });
      expect(result.status, flag).toBe(0);
      expect(result.stdout).toContain('accord check [paths or globs...]');
    }
  });

  it('after --, -h is a path to check, not a request for help', async () => {
    await tmp.write('-h', 'a: 1\n');
    const result = check(['--', '-h']);
    expect(result.status).toBe(2);
    expect(result.stdout).not.toContain('accord check [paths or globs...]');
    expect(result.stdout).toContain('not a manifest file');
  });
});

describe('accord check: bad input never shows a stack trace', () => {
  it.each([
    ['deep nesting', 'deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'TOO_DEEP'],
    ['a YAML alias bomb', 'bomb.yaml', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n', 'TOO_MANY_ALIASES'],
    ['a forbidden key', 'proto.json', '{"__proto__": {"polluted": true}}', 'FORBIDDEN_KEY'],
    ['binary content', 'binary.json', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x7d]), 'ENCODING_ERROR'],
    ['a duplicate key', 'dup.yaml', 'a: 1\na: 2\n', 'DUPLICATE_KEY'],
    ['an undefined alias', 'alias.yaml', 'a: *nothing\n', 'PARSE_ERROR'],
    ['a YAML tag', 'tag.yaml', 'a: !!js/function "return 1"\n', 'PARSE_ERROR'],
  ])('%s', async (_name, file, content, code) => {
    await tmp.write(`bad/${file}`, content);
    const result = check([`bad/${file}`]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('problem');
    expect(noStackTrace(result.stderr)).toBe(true);
    expect(result.stderr).not.toContain('internal error');
    // The guard meant for this input refused it, not a later check (every file here also fails the schema).
    const report = JSON.parse(check([`bad/${file}`, '--format', 'json']).stdout) as Report;
    expect(report.problems.map((p) => p.code)).toEqual([code]);
  });

  it('a broken rule file is reported with file and line, not thrown', async () => {
    await tmp.write('badrules/r.json', '{ "id": "r", ');
    const result = runCli(['check', '--rules', 'badrules', 'clean.yaml'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/badrules\/r\.json:\d+:\d+ {2}problem {2}RULE_ERROR/);
    expect(noStackTrace(result.stderr)).toBe(true);
  });
});

describe('accord check: stdin', () => {
  const yaml = manifestYaml({ name: 'piped', provider: 'oracle' });

  it.each([
    ['JSON', JSON.stringify(manifest({ name: 'piped', provider: 'oracle' }))],
    ['YAML', yaml],
    ['JSONL', `${JSON.stringify(manifest({ name: 'piped', provider: 'oracle' }))}\n${JSON.stringify(manifest({ name: 'piped-2' }))}\n`],
  ])('reads %s from `-`, shown as <stdin>', (_kind, input) => {
    const result = check(['-', '--format', 'json'], { input });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'api-on-azure', deployment: 'piped', file: '<stdin>' })]);
  });

  it('positions stdin findings like a file', () => {
    const result = check(['-', '--format', 'json'], { input: yaml });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings[0]).toMatchObject(positionOf(yaml, 'provider:'));
  });

  it('detects the format after any number of leading blank lines, and keeps the line numbers', () => {
    const blank = '\n'.repeat(50_000);
    for (const input of [`${blank}${JSON.stringify(manifest({ name: 'piped', provider: 'oracle' }))}\n${JSON.stringify(manifest({ name: 'piped-2' }))}\n`, `${blank}${yaml}`]) {
      const result = check(['-', '--format', 'json'], { input });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.findings).toEqual([expect.objectContaining({ deployment: 'piped', file: '<stdin>' })]);
      expect(report.findings[0]?.line).toBeGreaterThan(50_000);
    }
  });

  it('honours --stdin-format', () => {
    const result = check(['-', '--stdin-format', 'json'], { input: yaml });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('<stdin>');
    expect(result.stdout).toContain('PARSE_ERROR');
  });

  it('reports empty stdin as a problem', () => {
    const result = check(['-']);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('NO_DEPLOYMENTS');
  });
});

describe('npm start', () => {
  it('checks fixtures/examples with its approvals and waivers, shows findings and exits 0', () => {
    const result = runCli(['check', 'fixtures/examples/deployments', '--approvals', 'fixtures/examples/approvals.yaml', '--waivers', 'fixtures/examples/waivers.yaml', '--fail-on', 'never', ...asOf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}fixtures\/examples\/deployments\/\S+:\d+:\d+ {2}error {4}\S+/m);
    expect(result.stdout).toMatch(/waived/);
    expect(result.stdout).toMatch(/✖ [1-9]\d* errors?, .* 0 problems in \d+ deployments/);
    const failing = runCli(['check', 'fixtures/examples/deployments', '--approvals', 'fixtures/examples/approvals.yaml', '--waivers', 'fixtures/examples/waivers.yaml', ...asOf]);
    expect(failing.status).toBe(1);
  });
});
