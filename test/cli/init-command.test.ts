import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Report } from '../../src/types.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { noStackTrace, repo, runCli } from './run-cli.js';

const written = ['accord.config.json', 'deployments/example.yaml', 'policy/approvals.yaml', 'policy/waivers.yaml'];

/** Every file under `dir`, as sorted relative paths. */
function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('accord init', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir('accord-init-');
  });
  afterEach(() => tmp.cleanup());

  it('in an empty folder: writes the starter files, and accord check passes on them', () => {
    const result = runCli(['init'], { cwd: tmp.dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(listFiles(tmp.dir)).toEqual([...written].sort());
    for (const file of written) expect(result.stdout).toContain(`  ${file}`);

    const check = runCli(['check', '--format', 'json'], { cwd: tmp.dir });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout) as Report;
    expect(report.summary).toEqual({ files: 1, deployments: 1, errors: 0, warnings: 0, infos: 0, waived: 0, problems: 0 });
    expect(report.notices).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('writes files that name their JSON Schema for editors, and a config that uses the approvals and waivers', () => {
    runCli(['init'], { cwd: tmp.dir });
    const config = JSON.parse(readFileSync(tmp.path('accord.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toEqual({
      $schema: './node_modules/accord-policy/schemas/config.schema.json',
      include: ['deployments'],
      approvals: 'policy/approvals.yaml',
      waivers: 'policy/waivers.yaml',
      failOn: 'error',
    });
    for (const [file, schema] of [['deployments/example.yaml', 'deployment'], ['policy/approvals.yaml', 'approvals'], ['policy/waivers.yaml', 'waivers']]) {
      const first = readFileSync(tmp.path(file!), 'utf8').split('\n')[0];
      expect(first).toBe(`# yaml-language-server: $schema=../node_modules/accord-policy/schemas/${schema}.schema.json`);
      // The modeline resolves to the schema that ships, relative to the file, once accord-policy is installed.
      expect(path.resolve(path.dirname(tmp.path(file!)), first!.split('=')[1]!)).toBe(tmp.path('node_modules/accord-policy/schemas', `${schema}.schema.json`));
      expect(existsSync(path.join(repo, 'schemas', `${schema}.schema.json`))).toBe(true);
    }
  });

  it('an example that accord really checks: with a rule broken, the same files fail', async () => {
    runCli(['init'], { cwd: tmp.dir });
    const example = readFileSync(tmp.path('deployments/example.yaml'), 'utf8');
    await tmp.write('deployments/example.yaml', example.replace('provider: azure ', 'provider: oracle'));
    const check = runCli(['check'], { cwd: tmp.dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('api-exclusive-to-azure');
  });

  it('prints pre-commit and GitHub Actions snippets that parse and name the real hook and action', () => {
    const { stdout } = runCli(['init'], { cwd: tmp.dir });
    const block = (title: RegExp): unknown => {
      const start = stdout.split('\n').findIndex((l) => title.test(l));
      expect(start).toBeGreaterThan(-1);
      const lines: string[] = [];
      for (const line of stdout.split('\n').slice(start + 1)) {
        if (!line.startsWith('  ')) break;
        lines.push(line.slice(2));
      }
      return parse(lines.join('\n'));
    };
    const hooks = parse(readFileSync(path.join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string }>;
    const preCommit = block(/^pre-commit:/) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> };
    expect(hooks.map((h) => h.id)).toContain(preCommit.repos[0]!.hooks[0]!.id);
    const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
    expect(preCommit.repos[0]!.rev).toBe(`v${version}`);
    const workflow = block(/^GitHub Actions:/) as { permissions: Record<string, string>; jobs: { accord: { steps: Array<{ uses?: string }> } } };
    expect(workflow.permissions['security-events']).toBe('write');
    expect(workflow.jobs.accord.steps.map((s) => s.uses)).toEqual(['actions/checkout@v4', `accord-policy/accord@v${version}`]);
    expect(existsSync(path.join(repo, 'action.yml'))).toBe(true);
  });

  it('in an existing repository: adds its files beside what is there', async () => {
    await tmp.write('package.json', '{"name": "infra"}\n');
    await tmp.write('deployments/README.md', 'manifests live here\n');
    const result = runCli(['init'], { cwd: tmp.dir });
    expect(result.status).toBe(0);
    expect(listFiles(tmp.dir)).toEqual(['accord.config.json', 'deployments/README.md', 'deployments/example.yaml', 'package.json', 'policy/approvals.yaml', 'policy/waivers.yaml']);
    expect(readFileSync(tmp.path('package.json'), 'utf8')).toBe('{"name": "infra"}\n');
    expect(runCli(['check'], { cwd: tmp.dir }).status).toBe(0);
  });

  it('into a folder given by name, creating it', () => {
    const result = runCli(['init', 'services/payments'], { cwd: tmp.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  services/payments/accord.config.json');
    expect(result.stdout).toContain('cd services/payments && npx accord check');
    expect(listFiles(tmp.path('services/payments'))).toEqual([...written].sort());
    expect(runCli(['check'], { cwd: tmp.path('services/payments') }).status).toBe(0);
  });

  it.each([
    ['the config', ['accord.config.json']],
    ['the waivers file and the example', ['policy/waivers.yaml', 'deployments/example.yaml']],
  ])('refuses to overwrite %s: exit 2, naming them, nothing written', async (_name, existing) => {
    for (const file of existing) await tmp.write(file, 'mine\n');
    const result = runCli(['init'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const named = written.filter((f) => existing.includes(f));
    expect(result.stderr).toBe(`accord: init would overwrite ${named.join(', ')}: nothing written (move ${named.length === 1 ? 'it' : 'them'} aside, or run accord init in another folder)\n`);
    expect(noStackTrace(result.stderr)).toBe(true);
    expect(listFiles(tmp.dir)).toEqual([...existing].sort());
    for (const file of existing) expect(readFileSync(tmp.path(file), 'utf8')).toBe('mine\n');
  });

  it('counts a dangling symbolic link as a file: it writes nothing through it', () => {
    symlinkSync(tmp.path('elsewhere.json'), tmp.path('accord.config.json'));
    const result = runCli(['init'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('init would overwrite accord.config.json');
    expect(existsSync(tmp.path('elsewhere.json'))).toBe(false);
    expect(existsSync(tmp.path('deployments'))).toBe(false);
  });

  it('takes at most one folder', () => {
    const result = runCli(['init', 'a', 'b'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('accord: accord init takes at most one folder\n');
    expect(listFiles(tmp.dir)).toEqual([]);
  });
});
