// The built CLI (bin/accord.cjs, as CI and hooks run it) in its integrations: every output format
// on real runs (SARIF and JUnit through the real validators), --output, exit codes under --fail-on,
// accord.config.json, stdin, the folders never searched, and a stderr that holds nothing but what
// is asked for (no progress when stderr is not a terminal). Formatter goldens are in test/report.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manifest, manifestYaml } from '../support/manifests.js';
import { missingTool } from '../support/outside-tools.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { validateJunit, xpath } from '../report/xml-check.js';
import { runCli, type CliResult } from './run-cli.js';
import { vendorFile } from '../support/vendor.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repo, 'bin/accord.cjs');

// The README demo: five error findings, one waived warning. A fixed date keeps the waiver active.
const EXAMPLES = [
  'check',
  'fixtures/examples/deployments',
  '--approvals',
  'fixtures/examples/approvals.yaml',
  '--waivers',
  'fixtures/examples/waivers.yaml',
  '--as-of',
  '2027-06-01',
];
const EXAMPLE_ERRORS = ['api-endpoint-off-azure', 'approval-out-of-scope', 'capacity-without-approval', 'revenue-share-unmetered', 'rofr-required-for-new-capacity'];
const EXAMPLE_WAIVED = 'product-capacity-off-azure';
const EXAMPLE_SUMMARY = /^✖ 5 errors, 0 warnings, 0 infos, 1 waived, 0 problems in 13 deployments \(6 files\); rule pack openai-microsoft-partnership .* as of 2027-06-01$/;

/**
 * Runs the built CLI with piped stdio, as in CI. The environment has nothing that changes output
 * behind the test's back: no CI (which alone would hide progress), colour or GitHub variables.
 */
function accord(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  return runCli(args, { ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.input ? { input: options.input } : {}), env: { NO_COLOR: undefined, ...options.env } });
}

type Json = any;

const jsonReport = (result: CliResult): Json => JSON.parse(result.stdout);

/** A warning-only manifest (a product off Azure), a clean one, and one that does not parse. */
const WARNING_ONLY = manifestYaml({ name: 'chat-oracle', workload: 'product', provider: 'oracle' });
const CLEAN = manifestYaml({ name: 'api-azure' });
const VIOLATION = manifestYaml({ name: 'api-oracle', provider: 'oracle' });
const BROKEN_JSON = '{"apiVersion": "accord/v1",\n';

beforeAll(() => {
  if (!existsSync(path.join(repo, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('accord-cli-formats-');
});
afterEach(async () => {
  await tmp.cleanup();
});

describe('--format sarif', () => {
  const Ajv = AjvDraft04.default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(vendorFile('sarif-schema-2.1.0.json'), 'utf8')));
  const expectValid = (sarif: Json): void => {
    validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
  };

  it('validates against the SARIF 2.1.0 schema on the examples run, with every finding and the waiver as a suppression', () => {
    const result = accord([...EXAMPLES, '--format', 'sarif']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expectValid(sarif);

    const run = sarif.runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.results.map((r: Json) => r.ruleId).sort()).toEqual([...EXAMPLE_ERRORS, EXAMPLE_WAIVED].sort());
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      const location = r.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toMatch(/^fixtures\/examples\/deployments\/[a-z-]+\.(yaml|json|jsonl)$/);
      expect(location.region.startLine).toBeGreaterThan(0);
      expect(location.region.startColumn).toBeGreaterThan(0);
    }
    const waived = run.results.find((r: Json) => r.ruleId === EXAMPLE_WAIVED);
    expect(waived.suppressions).toEqual([expect.objectContaining({ kind: 'external', justification: expect.stringContaining('Temporary Oracle overflow') })]);
    expect(run.results.filter((r: Json) => r.suppressions === undefined || r.suppressions.length === 0)).toHaveLength(EXAMPLE_ERRORS.length);
  });

  it('is byte-identical across runs (stable fingerprints for code scanning)', () => {
    const first = accord([...EXAMPLES, '--format', 'sarif']).stdout;
    expect(accord([...EXAMPLES, '--format', 'sarif']).stdout).toBe(first);
  });

  it('reports problems as tool execution notifications, still schema-valid, exit 2', async () => {
    await tmp.write('deployments/broken.json', BROKEN_JSON);
    await tmp.write('deployments/api.yaml', VIOLATION);
    const result = accord(['check', 'deployments', '--format', 'sarif'], { cwd: tmp.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
    const sarif = JSON.parse(result.stdout);
    expectValid(sarif);
    const invocation = sarif.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(JSON.stringify(invocation.toolExecutionNotifications)).toContain('deployments/broken.json');
    expect(sarif.runs[0].results.map((r: Json) => r.ruleId)).toEqual(['api-exclusive-to-azure']);
  });
});

describe('--format junit', () => {
  it('validates with xmllint against the Jenkins xUnit schema on the examples run', async () => {
    const result = accord([...EXAMPLES, '--format', 'junit']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    await validateJunit(result.stdout);
    expect(xpath(result.stdout, 'count(//testsuite)')).toBe('6');
    expect(xpath(result.stdout, 'count(//testcase/failure)')).toBe(String(EXAMPLE_ERRORS.length));
    expect(xpath(result.stdout, 'count(//testcase/skipped)')).toBe('1');
    expect(xpath(result.stdout, `string(//testcase[skipped]/@name)`)).toBe(EXAMPLE_WAIVED);
    // A testcase per (deployment, rule) evaluated: 13 deployments, 9 rules.
    expect(xpath(result.stdout, 'count(//testcase)')).toBe(String(13 * 9));
  });

  it('reports a problem as <error>, still valid', async () => {
    await tmp.write('deployments/broken.json', BROKEN_JSON);
    await tmp.write('deployments/api.yaml', CLEAN);
    const result = accord(['check', 'deployments', '--format', 'junit'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    await validateJunit(result.stdout);
    expect(Number(xpath(result.stdout, 'count(//error)'))).toBeGreaterThan(0);
    expect(xpath(result.stdout, 'count(//failure)')).toBe('0');
  });
});

describe('--format github', () => {
  it('prints one workflow command per active finding, none for the waived one', () => {
    const result = accord([...EXAMPLES, '--format', 'github']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(EXAMPLE_ERRORS.length);
    for (const line of commands) expect(line).toMatch(/^::error file=fixtures\/examples\/deployments\/[a-z.-]+,line=\d+,col=\d+,title=[a-z-]+::\S.*$/);
    expect(commands.map((l) => /title=([a-z-]+)::/.exec(l)?.[1]).sort()).toEqual(EXAMPLE_ERRORS);
    expect(lines).toContain(
      '::error file=fixtures/examples/deployments/api.yaml,line=74,col=7,title=api-endpoint-off-azure::API endpoint https://edge.api.openai.com/v1 of api-global-edge is hosted on other; API endpoints must be served from Azure through 2030.' +
        `%0AFix: ${(JSON.parse(readFileSync(path.join(repo, 'rules/api-endpoint-off-azure.json'), 'utf8')) as { remediation: string }).remediation}`,
    );
    expect(result.stdout).not.toContain(EXAMPLE_WAIVED);
  });

  it('uses ::warning for warnings', async () => {
    await tmp.write('deployments/chat.yaml', WARNING_ONLY);
    const result = accord(['check', 'deployments', '--format', 'github'], { cwd: tmp.dir });
    expect(result.stdout.split('\n')[0]).toMatch(/^::warning file=deployments\/chat\.yaml,line=\d+,col=\d+,title=product-capacity-off-azure::Product deployment chat-oracle/);
    expect(result.status).toBe(0);
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY, after what earlier steps wrote', async () => {
    const summary = await tmp.write('step-summary.md', '# Earlier step\n\n');
    const env = { GITHUB_STEP_SUMMARY: summary };
    const first = accord([...EXAMPLES, '--format', 'github'], { env });
    expect(first.stderr).toBe('');
    const afterOne = readFileSync(summary, 'utf8');
    expect(afterOne.startsWith('# Earlier step\n\n## ')).toBe(true);
    expect(afterOne).toContain('| fixtures/examples/deployments/api.yaml:74 | api-global-edge | api-endpoint-off-azure |');
    expect(afterOne).toContain('<details>');
    accord([...EXAMPLES, '--format', 'github'], { env });
    expect(readFileSync(summary, 'utf8')).toBe(afterOne + afterOne.slice('# Earlier step\n\n'.length));
  });

  it('leaves $GITHUB_STEP_SUMMARY alone with other formats', () => {
    const summary = tmp.path('step-summary.md');
    accord([...EXAMPLES, '--format', 'text'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(existsSync(summary)).toBe(false);
  });
});

describe('--format markdown', () => {
  it('prints totals, a findings table, and the waived finding folded away', () => {
    const result = accord([...EXAMPLES, '--format', 'markdown']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const markdown = result.stdout;
    expect(markdown).toMatch(/^## .*accord/);
    expect(markdown).toContain('5 errors, 0 warnings, 0 infos, 1 waived, 0 problems in 13 deployments (6 files)');
    expect(markdown).toContain('| Location | Deployment | Rule | Severity | Message |');
    for (const rule of EXAMPLE_ERRORS) expect(markdown).toMatch(new RegExp(`^\\| fixtures/examples/deployments/[a-z.-]+:\\d+ \\| [a-z0-9-]+ \\| ${rule} \\| error \\|`, 'm'));
    const folded = markdown.slice(markdown.indexOf('<details>'));
    expect(folded).toContain('1 waived finding');
    expect(folded).toContain(`| ${EXAMPLE_WAIVED} |`);
    expect(markdown.slice(0, markdown.indexOf('<details>'))).not.toContain(EXAMPLE_WAIVED);
  });
});

describe('--output FILE', () => {
  it('writes the report to the file (creating its folder) and one summary line to stderr', () => {
    const file = tmp.path('reports', 'accord.sarif');
    const result = accord([...EXAMPLES, '--format', 'sarif', '--output', file]);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([expect.stringMatching(EXAMPLE_SUMMARY), '']);
    expect(result.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(accord([...EXAMPLES, '--format', 'sarif']).stdout);
  });

  it('writes a text report without colour codes, a path relative to the working directory', async () => {
    await tmp.write('deployments/api.yaml', VIOLATION);
    const result = accord(['check', 'deployments', '--output', 'out/report.txt'], { cwd: tmp.dir, env: { FORCE_COLOR: '1' } });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^✖ 1 error, 0 warnings, 0 infos, 0 waived, 0 problems in 1 deployment \(1 file\); [^\n]*\n$/);
    const report = readFileSync(tmp.path('out/report.txt'), 'utf8');
    expect(report).toContain('deployments/api.yaml:');
    expect(report).not.toContain('\u001b[');
  });

  it('exits 2 with a clear message when the file cannot be written', async () => {
    await tmp.write('deployments/api.yaml', CLEAN);
    const result = accord(['check', 'deployments', '--output', 'deployments/api.yaml/report.txt'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^accord: cannot write --output .*report\.txt: /);
  });
});

describe('exit codes and --fail-on', () => {
  const run = (failOn: string[]): number | null => accord(['check', 'deployments', '--format', 'json', ...failOn], { cwd: tmp.dir }).status;

  it('warning-only input: 0 by default and with error, 1 with warning, 0 with never', async () => {
    await tmp.write('deployments/chat.yaml', WARNING_ONLY);
    expect([run([]), run(['--fail-on', 'error']), run(['--fail-on', 'warning']), run(['--fail-on', 'never'])]).toEqual([0, 0, 1, 0]);
  });

  it('an error finding: 1 with error and warning, 0 with never', async () => {
    await tmp.write('deployments/api.yaml', VIOLATION);
    expect([run([]), run(['--fail-on', 'error']), run(['--fail-on', 'warning']), run(['--fail-on', 'never'])]).toEqual([1, 1, 1, 0]);
  });

  it('problems always exit 2, whatever --fail-on says', async () => {
    await tmp.write('deployments/chat.yaml', WARNING_ONLY);
    await tmp.write('deployments/broken.json', BROKEN_JSON);
    expect([run([]), run(['--fail-on', 'error']), run(['--fail-on', 'warning']), run(['--fail-on', 'never'])]).toEqual([2, 2, 2, 2]);
  });

  it('a clean run exits 0', async () => {
    await tmp.write('deployments/api.yaml', CLEAN);
    expect(run(['--fail-on', 'warning'])).toBe(0);
  });

  it('an unknown --fail-on value is a usage error (2)', async () => {
    await tmp.write('deployments/api.yaml', CLEAN);
    const result = accord(['check', 'deployments', '--fail-on', 'sometimes'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('sometimes');
  });
});

describe('accord.config.json', () => {
  /**
   * A project with its own two-rule pack, approvals and waivers in policy/, deployments (one legacy
   * folder excluded), and a config that names them all, relative to the config's folder.
   */
  async function project(config: Record<string, unknown>): Promise<void> {
    await tmp.write('deployments/chat-burst-1.yaml', WARNING_ONLY.replace('chat-oracle', 'chat-burst-1'));
    await tmp.write('deployments/chat-steady.yaml', WARNING_ONLY.replace('chat-oracle', 'chat-steady'));
    await tmp.write('deployments/api.yaml', VIOLATION);
    await tmp.write('deployments/legacy/old-api.yaml', VIOLATION.replace('api-oracle', 'old-api'));
    for (const name of ['pack.json', 'product-capacity-off-azure.json', 'api-exclusive-to-azure.json']) {
      cpSync(path.join(repo, 'rules', name), tmp.path('policy/rules', name));
    }
    cpSync(path.join(repo, 'fixtures/examples/approvals.yaml'), tmp.path('policy/approvals.yaml'));
    await tmp.write(
      'policy/waivers.yaml',
      ['waivers:', '  - rule: product-capacity-off-azure', '    deployment: chat-burst-*', '    reason: Launch overflow, agreed.', '    approvedBy: partnership-office', '    expiresOn: 2099-12-31', ''].join('\n'),
    );
    await tmp.write('accord.config.json', JSON.stringify(config, null, 2));
  }
  const fullConfig = {
    include: ['deployments'],
    exclude: ['deployments/legacy/**'],
    rules: ['policy/rules'],
    approvals: 'policy/approvals.yaml',
    waivers: 'policy/waivers.yaml',
    failOn: 'warning',
    format: 'json',
  };

  it('is honoured: include, exclude, rules, approvals, waivers, failOn and format', async () => {
    await project(fullConfig);
    const result = accord(['check'], { cwd: tmp.dir });
    expect(result.stderr).toBe('');
    const report = jsonReport(result);
    expect(report.rulePack).toMatchObject({ name: 'openai-microsoft-partnership', rules: 2 });
    expect(report.findings.map((f: Json) => `${f.file} ${f.rule} ${f.waived}`).sort()).toEqual([
      'deployments/api.yaml api-exclusive-to-azure false',
      'deployments/chat-burst-1.yaml product-capacity-off-azure true',
      'deployments/chat-steady.yaml product-capacity-off-azure false',
    ]);
    expect(report.notices.map((n: Json) => n.code)).not.toContain('APPROVALS_NOT_VERIFIED');
    expect(result.status).toBe(1);
  });

  it('is overridden by flags', async () => {
    await project(fullConfig);
    const result = accord(['check', 'deployments/chat-steady.yaml', '--format', 'github', '--fail-on', 'error'], { cwd: tmp.dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^::warning file=deployments\/chat-steady\.yaml,/);
    expect(result.status).toBe(0);
  });

  it('--config names another file, whose paths are relative to its folder; reports stay relative to the working directory', async () => {
    await project(fullConfig);
    const config = { include: ['../deployments'], exclude: ['../deployments/chat-*'], rules: ['../policy/rules'], failOn: 'never' };
    await tmp.write('ci/accord.json', JSON.stringify(config));
    const result = accord(['check', '--config', 'ci/accord.json', '--format', 'github'], { cwd: tmp.dir });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      expect.stringMatching(/^::error file=deployments\/api\.yaml,line=\d+,col=\d+,title=api-exclusive-to-azure::/),
      expect.stringMatching(/^::error file=deployments\/legacy\/old-api\.yaml,line=\d+,col=\d+,title=api-exclusive-to-azure::/),
    ]);
    expect(result.status).toBe(0);
  });

  it.each([
    ['an unknown key', '{ "include": ["deployments"], "colour": true }', /^accord: accord\.config\.json:1:\d+: .*unknown field "colour"/],
    ['a wrong type', '{ "include": "deployments" }', /^accord: accord\.config\.json:1:\d+: include: must be array/],
    ['a wrong value', '{ "failOn": "sometimes" }', /^accord: accord\.config\.json:1:\d+: failOn: must be one of/],
    ['invalid JSON', '{ "include": ["deployments"]\n', /^accord: accord\.config\.json:\d+:\d+: invalid JSON/],
  ])('with %s exits 2 with a message that names the file and the mistake', async (_, text, message) => {
    await tmp.write('deployments/api.yaml', CLEAN);
    await tmp.write('accord.config.json', text);
    const result = accord(['check', 'deployments'], { cwd: tmp.dir });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.status).toBe(2);
  });

  it('a --config file that does not exist is exit 2', async () => {
    const result = accord(['check', 'deployments', '--config', 'nope.json'], { cwd: tmp.dir });
    expect(result.stderr).toMatch(/^accord: .*nope\.json/);
    expect(result.status).toBe(2);
  });

  it('`accord check` with neither paths nor include exits 2 with a usage message that says what to do', async () => {
    for (const config of [undefined, '{ "failOn": "warning" }']) {
      if (config !== undefined) await tmp.write('accord.config.json', config);
      const result = accord(['check'], { cwd: tmp.dir });
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('accord: nothing to check');
      expect(result.stderr).toContain('accord check deployments/');
      expect(result.stderr).toContain('"include" in accord.config.json');
      expect(result.status).toBe(2);
    }
  });
});

describe('stdin (`accord check -`)', () => {
  const one = manifest({ name: 'api-oracle', provider: 'oracle' });
  const two = manifest({ name: 'chat-oracle', workload: 'product', provider: 'oracle' });
  const inputs: Array<[string, string]> = [
    ['JSON', JSON.stringify([one, two], null, 2)],
    ['YAML', `${VIOLATION}---\n${WARNING_ONLY}`],
    ['JSONL', `${JSON.stringify(one)}\n${JSON.stringify(two)}\n`],
  ];

  it.each(inputs)('reads %s, detected, reported as <stdin>', (_, input) => {
    const result = accord(['check', '-', '--format', 'json'], { cwd: tmp.dir, input });
    expect(result.stderr).toBe('');
    const report = jsonReport(result);
    expect(report.problems).toEqual([]);
    expect(report.summary).toMatchObject({ files: 1, deployments: 2, errors: 1, warnings: 1 });
    expect(report.findings.map((f: Json) => f.file)).toEqual(['<stdin>', '<stdin>']);
    expect(result.status).toBe(1);
  });

  it.each(inputs)('reads %s with --stdin-format', (name, input) => {
    const result = accord(['check', '-', '--stdin-format', name.toLowerCase(), '--format', 'json'], { cwd: tmp.dir, input });
    expect(jsonReport(result).summary).toMatchObject({ deployments: 2, errors: 1, warnings: 1, problems: 0 });
  });

  it('puts <stdin> and the line in text and GitHub output', () => {
    const input = `${JSON.stringify(two)}\n${JSON.stringify(one)}\n`;
    expect(accord(['check', '-'], { input }).stdout).toMatch(/^ {2}<stdin>:2:\d+ +error +api-exclusive-to-azure/m);
    expect(accord(['check', '-', '--format', 'github'], { input }).stdout).toMatch(/^::error file=<stdin>,line=2,col=\d+,title=api-exclusive-to-azure::/m);
  });

  it('--stdin-format wins over detection: YAML read as JSON is a parse problem (exit 2)', () => {
    const result = accord(['check', '-', '--stdin-format', 'json', '--format', 'json'], { input: VIOLATION });
    const report = jsonReport(result);
    expect(report.problems.map((p: Json) => [p.file, p.code])).toEqual([['<stdin>', 'PARSE_ERROR']]);
    expect(result.status).toBe(2);
  });

  it('`-` together with paths is a usage error', () => {
    const result = accord(['check', '-', 'deployments'], { input: VIOLATION });
    expect(result.stderr).toMatch(/^accord: .*stdin/);
    expect(result.status).toBe(2);
  });
});

describe('folders never searched', () => {
  it('skips node_modules and .git, by directory and by glob, at any depth', async () => {
    await tmp.write('deployments/api.yaml', CLEAN);
    await tmp.write('node_modules/some-pkg/deployments/bad.yaml', VIOLATION.replace('api-oracle', 'bad-in-node-modules'));
    await tmp.write('deployments/node_modules/bad.json', JSON.stringify(manifest({ name: 'bad-nested-node-modules', provider: 'oracle' })));
    await tmp.write('.git/deployments/bad.yaml', VIOLATION.replace('api-oracle', 'bad-in-git'));
    await tmp.write('services/.git/bad.jsonl', `${JSON.stringify(manifest({ name: 'bad-nested-git', provider: 'oracle' }))}\n`);
    for (const paths of [['.'], ['deployments'], ['**/*'], ['**/*.{yaml,json,jsonl}']]) {
      const result = accord(['check', ...paths, '--format', 'json'], { cwd: tmp.dir });
      const report = jsonReport(result);
      expect(report.summary).toMatchObject({ files: 1, deployments: 1, errors: 0 });
      expect(result.stdout).not.toContain('bad');
      expect(result.status).toBe(0);
    }
  });
});

describe('progress', () => {
  // Long enough (well over a second) that a terminal would show progress, in several files.
  const FILES = 5;
  const PER_FILE = 10_000;
  let big: TempDir;
  beforeAll(async () => {
    big = await makeTempDir('accord-cli-progress-');
    for (let f = 0; f < FILES; f++) {
      const lines = Array.from({ length: PER_FILE }, (_, i) => JSON.stringify(manifest({ name: `api-${f}-${i}` })));
      await big.write(`deployments/inventory-${f}.jsonl`, `${lines.join('\n')}\n`);
    }
  });
  afterAll(async () => {
    await big.cleanup();
  });

  it('never appears when stderr is not a terminal, even on a long run', () => {
    const result = accord(['check', 'deployments', '--format', 'json'], { cwd: big.dir, env: { ACCORD_PROGRESS_DELAY_MS: '0' } });
    expect(result.stderr).toBe('');
    expect(jsonReport(result).summary.deployments).toBe(FILES * PER_FILE);
    expect(result.status).toBe(0);
  });

  it.skipIf(missingTool('script'))('does appear on a terminal for the same run (so the test above is not vacuous)', () => {
    // script(1) from util-linux gives the command a pseudo-terminal; its output is what the terminal shows.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} check deployments --format json > /dev/null`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: big.dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CI: '', TERM: 'xterm', ACCORD_PROGRESS_DELAY_MS: '0' } });
    if (result.error) throw result.error;
    expect(result.stdout).toMatch(/accord: checked \d+ files?, \d+ deployments/);
    expect(result.status).toBe(0);
  });
});
