// What the CLI says when the user got something wrong: the option, command, field or value they
// most likely meant, and "no such file" for a path they named that is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest, manifestYaml } from '../support/manifests.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';
import { noStackTrace, runCli } from './run-cli.js';

let tmp: TempDir;
const accord = (args: string[], folder = '') => runCli(args, { cwd: tmp.path(folder) });

beforeAll(async () => {
  tmp = await makeTempDir('accord-messages-');
  await tmp.write('ok.yaml', manifestYaml({ name: 'ok' }));
  const { capacity, ...spec } = (manifest({ name: 'typo' }) as { spec: Record<string, unknown> }).spec;
  await tmp.write('typo.json', JSON.stringify({ ...manifest({ name: 'typo' }), spec: { ...spec, capcity: capacity } }, null, 2));
  await tmp.write('case.yaml', manifestYaml({ name: 'case', provider: 'Azure' }));
  await tmp.write('config/accord.config.json', '{\n  "include": ["ok.yaml"],\n  "failon": "warning"\n}\n');
});
afterAll(() => tmp.cleanup());

describe('did you mean', () => {
  it.each([
    [['check', '--formt', 'json', 'ok.yaml'], 'accord: unknown option --formt for accord check; did you mean --format? (run accord check --help)'],
    [['check', '--formt=json', 'ok.yaml'], 'accord: unknown option --formt for accord check; did you mean --format? (run accord check --help)'],
    [['check', '--waiver', 'w.yaml', 'ok.yaml'], 'accord: unknown option --waiver for accord check; did you mean --waivers? (run accord check --help)'],
    [['rules', '--fromat', 'json'], 'accord: unknown option --fromat for accord rules; did you mean --format? (run accord rules --help)'],
    [['check', '--verbose', 'ok.yaml'], 'accord: unknown option --verbose for accord check (run accord check --help)'],
    [['check', '-z', 'ok.yaml'], 'accord: unknown option -z for accord check (run accord check --help)'],
    [['check', 'ok.yaml', '--format'], 'accord: --format needs a value (run accord check --help)'],
    [['check', '--format', 'jsn', 'ok.yaml'], 'accord: --format must be one of text, json, sarif, junit, github, markdown (got "jsn"); did you mean "json"?'],
    [['check', '--fail-on', 'warnings', 'ok.yaml'], 'accord: --fail-on must be one of error, warning, never (got "warnings"); did you mean "warning"?'],
    [['chek', 'ok.yaml'], /^accord: unknown command "chek"; did you mean "check"\? \(commands: check, .*; run accord --help\)$/],
  ])('%j', (args, expected) => {
    const result = accord(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const line = result.stderr.trimEnd();
    if (typeof expected === 'string') expect(line).toBe(expected);
    else expect(line).toMatch(expected);
    // Node's own wording for parseArgs errors is not shown.
    expect(result.stderr).not.toMatch(/positional argument|ERR_PARSE_ARGS|To specify/);
  });

  it('suggests the field a manifest meant, at its line and column', async () => {
    const text = await import('node:fs/promises').then((fs) => fs.readFile(tmp.path('typo.json'), 'utf8'));
    const result = accord(['check', 'typo.json']);
    expect(result.status).toBe(2);
    const at = positionOf(text, '"capcity"');
    expect(result.stdout).toContain(`typo.json:${at.line}:${at.column}  problem  SCHEMA_ERROR  spec.capcity: unknown field "capcity"; did you mean "capacity"?`);
  });

  it('suggests the allowed value a manifest meant', () => {
    const result = accord(['check', 'case.yaml']);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/case\.yaml:8:3 {2}problem {2}SCHEMA_ERROR {2}spec\.provider: must be one of "azure", .*; did you mean "azure"\?/);
  });

  it('suggests the config field meant, naming the config file and line', () => {
    const result = accord(['check'], 'config');
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd()).toBe('accord: accord.config.json:3:3: failon: unknown field "failon"; did you mean "failOn"?');
    expect(noStackTrace(result.stderr)).toBe(true);
  });
});

describe('a path that is not there', () => {
  it.each([
    ['a manifest', ['check', 'missing.yaml'], 'missing.yaml'],
    ['--approvals', ['check', '--approvals', 'missing-approvals.yaml', 'ok.yaml'], 'missing-approvals.yaml'],
    ['--waivers', ['check', '--waivers', 'missing-waivers.yaml', 'ok.yaml'], 'missing-waivers.yaml'],
    ['--rules', ['check', '--rules', 'missing-rules', 'ok.yaml'], 'missing-rules'],
    ['--config', ['check', '--config', 'missing-config.json', 'ok.yaml'], 'missing-config.json'],
    ['--fixtures', ['test', '--fixtures', 'missing-fixtures'], 'missing-fixtures'],
    ['accord rules --rules', ['rules', '--rules', 'missing-rules'], 'missing-rules'],
  ])('%s: says "no such file or directory", not that it was deleted while accord ran', (_name, args, file) => {
    const result = accord(args);
    expect(result.status).toBe(2);
    const output = `${result.stdout}${result.stderr}`;
    const line = output.split('\n').find((l) => l.includes(file) && l.includes('no such file'));
    expect(line, output).toMatch(/no such file or directory/);
    expect(output).not.toMatch(/deleted while accord ran/);
    expect(noStackTrace(result.stderr)).toBe(true);
  });
});
