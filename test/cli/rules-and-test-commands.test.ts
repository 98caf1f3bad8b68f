import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingTool } from '../support/outside-tools.js';
import { makeTempDir } from '../support/tmp-dir.js';
import { repo, runCli } from './run-cli.js';

const accord = (args: string[]) => runCli(args);

describe('accord rules', () => {
  it('lists the pack with id, severity, window and clause', () => {
    const run = accord(['rules']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^rule pack openai-microsoft-partnership 1\.0\.0 \(9 rules, sha256 [0-9a-f]{64}\)/);
    expect(run.stdout).toContain('api-exclusive-to-azure  [error, until 2030-12-31]');
    expect(run.stdout).toContain('product-capacity-off-azure  [warning, open]');
  });

  it('explains one rule: clause, conditions in words, remediation, example violation', () => {
    const run = accord(['rules', 'rofr-required-for-new-capacity']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('first right of refusal');
    expect(run.stdout).toContain('spec.capacity.kind is "new"');
    expect(run.stdout).toContain('spec.rofr is absent');
    expect(run.stdout).toContain('spec.rofr.offeredOn is after metadata.date');
    expect(run.stdout).toContain('Remediation:');
    expect(run.stdout).toMatch(/Example violation \(fixtures\/rules\/rofr-required-for-new-capacity\/fail\/[^)]+\.yaml\):\n  /);
  });

  it('names the example fixture the way it names the rule file, from any working directory', () => {
    // From the file-system root, whatever folder the repository is in: both paths get the same prefix.
    const run = runCli(['rules', 'api-exclusive-to-azure'], { cwd: '/' });
    expect(run.status).toBe(0);
    const prefix = path.relative('/', repo);
    expect(run.stdout).toContain(`defined in ${prefix}/rules/api-exclusive-to-azure.json`);
    expect(run.stdout).toContain(`Example violation (${prefix}/fixtures/rules/api-exclusive-to-azure/fail/`);
  });

  it.skipIf(missingTool('mkfifo'))('does not wait on a FIFO where an example fixture would be', async () => {
    const tmp = await makeTempDir('accord-rules-fifo-');
    try {
      cpSync(path.join(repo, 'rules'), tmp.path('rules'), { recursive: true });
      mkdirSync(tmp.path('fixtures', 'rules', 'api-exclusive-to-azure', 'fail'), { recursive: true });
      execFileSync('mkfifo', [tmp.path('fixtures', 'rules', 'api-exclusive-to-azure', 'fail', 'a.yaml')]);
      const run = runCli(['rules', 'api-exclusive-to-azure', '--rules', 'rules'], { cwd: tmp.dir });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Remediation:');
      expect(run.stdout).not.toContain('Example violation');
    } finally {
      await tmp.cleanup();
    }
  });

  it('an unknown rule id is a usage error (exit 2)', () => {
    const run = accord(['rules', 'no-such-rule']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no rule "no-such-rule"');
  });

  it('json lists every rule with its conditions', () => {
    const run = accord(['rules', '--format', 'json']);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.rules).toHaveLength(9);
    for (const rule of parsed.rules as { id: string; conditions: unknown }[]) {
      const file = JSON.parse(readFileSync(path.join(repo, 'rules', `${rule.id}.json`), 'utf8')) as { conditions: unknown };
      expect(rule.conditions, rule.id).toEqual(file.conditions);
    }
  });

  it("the README's rule table is the current `accord rules --format markdown` output", () => {
    const run = accord(['rules', '--format', 'markdown']);
    expect(run.status).toBe(0);
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const match = /<!-- rules:start[^>]*-->\n([\s\S]*?)<!-- rules:end -->/.exec(readme);
    expect(match, 'README.md has no rules:start/rules:end block').not.toBeNull();
    expect(match?.[1]).toBe(run.stdout);
  });
});

describe('accord test', () => {
  it('runs the bundled fixtures and exits 0 with a closing count line', () => {
    const run = accord(['test']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\n\d+ passed, 0 failed\n/);
    expect(run.stdout).toContain('✔ api-endpoint-off-azure');
  });

  it('writes JUnit with --format junit', () => {
    const run = accord(['test', '--format', 'junit']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="accord test" tests="\d+" failures="0" errors="0">/);
  });

  it('a missing fixtures folder is a problem (exit 2)', () => {
    const run = accord(['test', '--fixtures', 'no/such/dir']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('no such file or directory: pass the fixtures folder, which holds <rule id>/pass and <rule id>/fail, with --fixtures DIR');
  });
});
