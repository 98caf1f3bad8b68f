// The package as a user gets it: packed by `npm pack`, installed into fresh projects (from the
// tarball, a local folder and a git URL), used through `import`, `require` and the installed
// `accord` bin, and type-checked by TypeScript 5.9 and 7. npm installs are slow, so one pack and one
// tarball install are shared by an ESM and a CommonJS project, and the folder and git installs run
// in the background while the tarball is tested. These tests use the built package (dist/): `npm
// test` builds it first. The npm registry is used through npm's cache (--prefer-offline).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, type Finding } from '../../src/index.js';
import { plainEnv } from '../cli/run-cli.js';
import { manifestYaml } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
const installFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--update-notifier=false', '--loglevel=info'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: none of the npm_* variables of the `npm test` running this file. */
function userEnv(): NodeJS.ProcessEnv {
  const env = plainEnv({ PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` });
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return env;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ status: null, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const show = (result: Run): string => `exit ${result.status}\n${result.stdout}\n${result.stderr}`.slice(-4000);

/** A project holding package.json only, in `dir`. */
async function project(tmp: TempDir, dir: string, fields: Record<string, unknown> = {}): Promise<string> {
  await tmp.write(path.join(dir, 'package.json'), JSON.stringify({ name: `consumer-${dir.replaceAll('/', '-')}`, private: true, ...fields }));
  return tmp.path(dir);
}

const asOf = '2027-01-01';
const violating = manifestYaml({ name: 'api-on-oracle', provider: 'oracle' });

const esmScript = `
import { AccordError, exitCode, loadPolicy } from 'accord-policy';
const policy = await loadPolicy({ asOf: '${asOf}' });
const report = await policy.checkFiles(['deploy.yaml']);
let invalid;
try { await policy.check({}); } catch (error) { invalid = error instanceof AccordError ? error.code : String(error); }
console.log(JSON.stringify({ loaded: import.meta.resolve('accord-policy'), findings: report.findings, exit: exitCode(report, 'error'), invalid }));
`;

const cjsScript = `
const { AccordError, exitCode, loadPolicy } = require('accord-policy');
loadPolicy({ asOf: '${asOf}' }).then(async (policy) => {
  const report = await policy.checkFiles(['deploy.yaml']);
  let invalid;
  try { await policy.check({}); } catch (error) { invalid = error instanceof AccordError ? error.code : String(error); }
  console.log(JSON.stringify({ loaded: require.resolve('accord-policy'), findings: report.findings, exit: exitCode(report, 'error'), invalid }));
});
`;

/** The same source, an ES module in the ESM project and CommonJS (require) in the other: no top-level await. */
const consumerTs = `
import { AccordError, exitCode, isAccordError, loadPolicy, type AccordErrorCode, type Finding, type Policy, type Report } from 'accord-policy';

export async function gate(files: string[]): Promise<{ exit: 0 | 1 | 2; lines: number[] }> {
  const policy = await loadPolicy({ asOf: '2027-01-01', keepGoing: true, evaluator: 'json-rules-engine' });
  const report: Report = await policy.checkFiles(files, { exclude: ['**/*.bak'] });
  const piped: Report = await policy.checkStream((async function* () { yield new Uint8Array([123, 125]); yield 'text'; })());
  const findings: Finding[] = [...report.findings, ...piped.findings];
  try {
    await policy.check({});
  } catch (error) {
    if (!isAccordError(error)) throw error;
    const code: AccordErrorCode = error.code;
    if (code !== 'INVALID_DEPLOYMENT') throw new AccordError('INVALID_OPTION', code);
  }
  return { exit: exitCode(report, 'error'), lines: findings.map((f) => f.line) };
}

export async function misuse(policy: Policy): Promise<void> {
  // @ts-expect-error asOf is a YYYY-MM-DD string
  await loadPolicy({ asOf: 20270101 });
  // @ts-expect-error there is no such evaluator
  await loadPolicy({ evaluator: 'fast' });
  // @ts-expect-error a stream yields bytes or text, not numbers
  await policy.checkStream((async function* () { yield 1; })());
}
`;

/** A strict consumer: no @types/node anywhere, no "types", no DOM, and its dependencies' declarations checked too. */
const consumerTsconfig = JSON.stringify({
  compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false },
  files: ['consumer.ts'],
});

const compilers = {
  'TypeScript 5.9': path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
  'TypeScript 7': path.join(repo, 'node_modules', 'typescript7', 'bin', 'tsc'),
};

describe(`${pkg.name} installed from its packed tarball`, () => {
  let tmp: TempDir;
  let tarball: string;
  let packed: string[];
  let install: Run;
  let consumer: string;
  let esm: string;
  let cjs: string;
  let expected: Finding[];
  let fromFolder: Promise<{ dir: string; install: Run }>;
  let fromGit: Promise<{ dir: string; install: Run }>;

  beforeAll(async () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.cjs']) {
      if (!existsSync(path.join(repo, file))) throw new Error(`${file} is missing: run npm run build first`);
    }
    tmp = await makeTempDir('accord-install-');
    // The build is done: packing runs no `prepare`, which would rebuild dist/ under the other test files.
    const pack = await run('npm', ['pack', repo, '--ignore-scripts', '--json', '--pack-destination', tmp.dir], tmp.dir);
    if (pack.status !== 0) throw new Error(`npm pack failed: ${show(pack)}`);
    const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    tarball = tmp.path(info.filename);
    packed = info.files.map((f) => f.path);

    consumer = await project(tmp, 'consumer');
    install = await run('npm', ['install', tarball, ...installFlags], consumer);
    if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${show(install)}`);
    esm = await project(tmp, 'consumer/esm', { type: 'module' });
    cjs = await project(tmp, 'consumer/cjs', { type: 'commonjs' });
    for (const dir of ['consumer/esm', 'consumer/cjs']) {
      await tmp.write(`${dir}/deploy.yaml`, violating);
      await tmp.write(`${dir}/consumer.ts`, consumerTs);
      await tmp.write(`${dir}/tsconfig.json`, consumerTsconfig);
    }
    await tmp.write('consumer/esm/check.js', esmScript);
    await tmp.write('consumer/cjs/check.js', cjsScript);
    expected = (await (await loadPolicy({ asOf })).checkFiles(['deploy.yaml'], { cwd: esm })).findings;

    // A clone of this repository's last commit, installed by folder and by git URL in the background.
    const clone = tmp.path('clone');
    const cloned = run('git', ['clone', '--quiet', repo, clone], tmp.dir);
    fromFolder = cloned.then(async () => {
      // Stands in for `npm install` in the clone: the same dependencies, without fetching them again.
      await symlink(path.join(repo, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
      const dir = await project(tmp, 'from-folder');
      await tmp.write('from-folder/deploy.yaml', violating);
      return { dir, install: await run('npm', ['install', clone, ...installFlags], dir) };
    });
    fromGit = cloned.then(async () => {
      const dir = await project(tmp, 'from-git');
      await tmp.write('from-git/deploy.yaml', violating);
      return { dir, install: await run('npm', ['install', `git+file://${clone}`, ...installFlags], dir) };
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([fromFolder, fromGit]);
    await tmp?.cleanup();
  });

  const bin = (dir: string) => path.join(dir, 'node_modules', '.bin', 'accord');

  it('holds the built library, CLI, rules, schemas and rule fixtures, and no sources', () => {
    for (const file of ['package.json', 'bin/accord.cjs', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cjs-types/package.json', 'dist/cjs-types/index.d.ts', 'dist/cli.cjs', 'rules/pack.json', 'fixtures/rules/approvals.yaml']) {
      expect(packed, file).toContain(file);
    }
    expect(packed.filter((f) => /^(src|test|scripts|bench)\//.test(f))).toEqual([]);
  });

  it('installs without running any script: none is an install script, and npm logs no script run', () => {
    const installed = JSON.parse(readFileSync(path.join(consumer, 'node_modules', pkg.name, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(installed.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
    const lock = JSON.parse(readFileSync(path.join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    expect(Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([name]) => name)).toEqual([]);
    // At --loglevel=info npm logs each lifecycle script it runs as "npm info run <package> <event>" (the folder install below shows one).
    expect(install.stderr).not.toMatch(/^npm info run /m);
    expect(existsSync(path.join(consumer, 'node_modules', pkg.name, 'dist', 'index.cjs'))).toBe(true);
  });

  it('an ESM project imports it and checks a manifest, through the library and through the installed bin', async () => {
    const library = await run(process.execPath, ['check.js'], esm);
    expect(library.stderr).toBe('');
    const out = JSON.parse(library.stdout) as { loaded: string; findings: Finding[]; exit: number; invalid: string };
    expect(out.loaded).toMatch(new RegExp(`/node_modules/${pkg.name}/dist/index\\.js$`));
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(out.findings.map((f) => f.rule)).toContain('api-exclusive-to-azure');
    expect(out.exit).toBe(1);
    expect(out.invalid).toBe('INVALID_DEPLOYMENT');

    const cli = await run(bin(consumer), ['check', 'deploy.yaml', '--as-of', asOf, '--format', 'json'], esm);
    expect(cli.status, show(cli)).toBe(1);
    expect((JSON.parse(cli.stdout) as { findings: Finding[] }).findings).toEqual(out.findings);
  });

  it('a CommonJS project requires it (the CommonJS build) and checks a manifest, through the library and through the installed bin', async () => {
    const library = await run(process.execPath, ['check.js'], cjs);
    expect(library.stderr).toBe('');
    const out = JSON.parse(library.stdout) as { loaded: string; findings: Finding[]; exit: number; invalid: string };
    expect(out.loaded).toMatch(new RegExp(`/node_modules/${pkg.name}/dist/index\\.cjs$`));
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(out.exit).toBe(1);
    expect(out.invalid).toBe('INVALID_DEPLOYMENT');

    const cli = await run(bin(consumer), ['check', 'deploy.yaml', '--as-of', asOf], cjs);
    expect(cli.status, show(cli)).toBe(1);
    expect(cli.stdout).toContain('deploy.yaml:8:3  error    api-exclusive-to-azure');
  });

  it('`accord test` in a project without fixtures/ runs the fixtures shipped with the bundled rules', async () => {
    const result = await run(bin(consumer), ['test'], esm);
    const shipped = packed.filter((f) => /^fixtures\/rules\/[^/]+\/(pass|fail)\/[^/]+\.(json|ya?ml|jsonl|ndjson)$/.test(f));
    expect(shipped.length).toBeGreaterThanOrEqual(36);
    expect(result.status, show(result)).toBe(0);
    expect(result.stdout).toContain(`\n${shipped.length} passed, 0 failed\n`);
  });

  describe('its declarations compile in a consumer with no @types/node', () => {
    it.each(Object.entries(compilers))('%s: ESM (import condition) and CommonJS (require condition)', async (_name, tsc) => {
      expect(existsSync(path.join(consumer, 'node_modules', '@types'))).toBe(false);
      const [inEsm, inCjs] = (await Promise.all([esm, cjs].map((dir) => run(process.execPath, [tsc, '-p', '.', '--listFiles'], dir)))) as [Run, Run];
      expect(inEsm.status, show(inEsm)).toBe(0);
      expect(inCjs.status, show(inCjs)).toBe(0);
      const declarations = (result: Run) => result.stdout.split('\n').filter((f) => f.includes(`/node_modules/${pkg.name}/`));
      expect(declarations(inEsm)).toContain(path.join(consumer, 'node_modules', pkg.name, 'dist', 'index.d.ts'));
      expect(declarations(inEsm).filter((f) => f.includes('/dist/cjs-types/'))).toEqual([]);
      expect(declarations(inCjs)).toContain(path.join(consumer, 'node_modules', pkg.name, 'dist', 'index.d.cts'));
      expect(declarations(inCjs).filter((f) => f.includes('/dist/types/'))).toEqual([]);
    });
  });

  it('installs from a local folder (a clone where npm install ran): npm links it and runs its prepare build', async () => {
    const { dir, install: folderInstall } = await fromFolder;
    expect(folderInstall.status, show(folderInstall)).toBe(0);
    expect(folderInstall.stderr).toMatch(new RegExp(`^npm info run ${pkg.name}@${pkg.version} prepare `, 'm'));
    const cli = await run(bin(dir), ['check', 'deploy.yaml', '--as-of', asOf], dir);
    expect(cli.status, show(cli)).toBe(1);
    expect(cli.stdout).toContain('api-exclusive-to-azure');
    const library = await run(process.execPath, ['-e', cjsScript], dir);
    expect((JSON.parse(library.stdout) as { findings: Finding[] }).findings).toEqual(JSON.parse(JSON.stringify(expected)));
  }, 180_000);

  it('installs from a git URL: npm builds it from the clone', async () => {
    const { dir, install: gitInstall } = await fromGit;
    expect(gitInstall.status, show(gitInstall)).toBe(0);
    expect(existsSync(path.join(dir, 'node_modules', pkg.name, 'dist', 'index.cjs'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules', pkg.name, 'src'))).toBe(false);
    const cli = await run(bin(dir), ['check', 'deploy.yaml', '--as-of', asOf], dir);
    expect(cli.status, show(cli)).toBe(1);
    expect(cli.stdout).toContain('api-exclusive-to-azure');
    const library = await run(process.execPath, ['--input-type=module', '-e', esmScript], dir);
    expect((JSON.parse(library.stdout) as { findings: Finding[] }).findings).toEqual(JSON.parse(JSON.stringify(expected)));
  }, 180_000);
});
