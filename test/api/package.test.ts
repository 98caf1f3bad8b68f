import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

// These tests use the built package (dist/): `npm test` builds it first.
const repo = path.resolve(import.meta.dirname, '../..');

function runNode(script: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built package', () => {
  it('has its entry points and type declarations', () => {
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/index.cjs', 'dist/index.d.cts', 'dist/cli.cjs', 'dist/cli.cjs.cache', 'bin/accord.cjs']) expect(existsSync(path.join(repo, file)), file).toBe(true);
  });

  it('isAccordError knows an AccordError from the other module system (ESM and CommonJS copies in one process)', () => {
    const script = `
      import { createRequire } from 'node:module';
      const esm = await import('accord-policy');
      const cjs = createRequire(process.cwd() + '/')('accord-policy');
      const caught = async (accord) => { try { await (await accord.loadPolicy({ asOf: '2027-01-01' })).check({}); } catch (e) { return e; } };
      const fromEsm = await caught(esm);
      const fromCjs = await caught(cjs);
      const plain = Object.assign(new Error('x'), { name: 'AccordError', code: 'INVALID_DEPLOYMENT' });
      console.log(JSON.stringify({
        twoClasses: esm.AccordError !== cjs.AccordError,
        instanceofAcross: fromCjs instanceof esm.AccordError,
        esmKnowsCjs: esm.isAccordError(fromCjs),
        cjsKnowsEsm: cjs.isAccordError(fromEsm),
        own: esm.isAccordError(fromEsm) && cjs.isAccordError(fromCjs),
        lookalike: esm.isAccordError(plain) || esm.isAccordError({ code: 'INVALID_DEPLOYMENT' }),
      }));
    `;
    const result = runNode(script, repo);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ twoClasses: true, instanceofAcross: false, esmKnowsCjs: true, cjsKnowsEsm: true, own: true, lookalike: false });
  });

  it("resolves `import('accord-policy')` through package.json exports (self-reference) and checks like the source", async () => {
    const deployment = manifest({ name: 'api-oracle', provider: 'oracle' });
    const script = `
      const accord = await import('accord-policy');
      const policy = await accord.loadPolicy({ asOf: '2027-01-01' });
      const findings = await policy.check(${JSON.stringify(deployment)});
      let code;
      try { await policy.check({}); } catch (e) { code = e instanceof accord.AccordError ? e.code : 'not an AccordError'; }
      console.log(JSON.stringify({ exports: Object.keys(accord).sort(), rules: policy.rulePack.rules, findings, code }));
    `;
    const result = runNode(script, repo);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { exports: string[]; rules: number; findings: unknown[]; code: string };
    expect(out.exports).toEqual(expect.arrayContaining(['AccordError', 'isAccordError', 'loadPolicy', 'exitCode', 'formatReport', 'defaultLimits', 'version']));
    expect(out.rules).toBe(10);
    expect(out.code).toBe('INVALID_DEPLOYMENT');
    const fromSource = await (await loadPolicy({ asOf: '2027-01-01' })).check(deployment);
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(fromSource)));
  });

  it('finds its bundled rules when run from another directory', async () => {
    const tmp = await makeTempDir();
    try {
      const script = `const { loadPolicy } = await import(${JSON.stringify(path.join(repo, 'dist', 'index.js'))}); console.log((await loadPolicy()).rulePack.rules);`;
      const result = runNode(script, tmp.dir);
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('10');
    } finally {
      await tmp.cleanup();
    }
  });

  describe('types', () => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir();
      await mkdir(tmp.path('node_modules'));
      await symlink(repo, tmp.path('node_modules', 'accord-policy'), 'dir');
      await tmp.write(
        'tsconfig.json',
        JSON.stringify({
          compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [path.join(repo, 'node_modules', '@types')] },
          files: ['consumer.ts'],
        }),
      );
      await tmp.write('package.json', JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    });
    afterAll(() => tmp.cleanup());

    const typecheck = async (source: string) => {
      await tmp.write('consumer.ts', source);
      const result = spawnSync(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tmp.dir], { cwd: tmp.dir, encoding: 'utf8' });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    };

    it('lets a TypeScript consumer use the API with its declared types, and rejects wrong use', async () => {
      const result = await typecheck(`
import { AccordError, exitCode, isAccordError, loadPolicy, type AccordErrorCode, type Finding, type Report } from 'accord-policy';
const policy = await loadPolicy({ asOf: '2027-01-01', rules: ['rules'], keepGoing: true, evaluator: 'json-rules-engine' });
const input: unknown = JSON.parse('{}');
const findings: Finding[] = await policy.check(input);
const report: Report = await policy.checkFiles(['deployments/**/*.yaml'], { cwd: '.' });
const sha: string = report.rulePack.sha256;
const code: 0 | 1 | 2 = exitCode(report, 'error');
const lines: number[] = findings.map((f) => f.line);
try { await policy.check(input); } catch (error) { if (isAccordError(error)) { const c: AccordErrorCode = error.code; console.log(c, error.issues.length); } }
console.log(sha, code, lines, new AccordError('RULES_INVALID', 'x').problems);
// @ts-expect-error asOf is a YYYY-MM-DD string
await loadPolicy({ asOf: 20270101 });
// @ts-expect-error rule is a string
const n: number = findings[0]?.rule ?? 0;
// @ts-expect-error there is no such evaluator
await loadPolicy({ evaluator: 'fast' });
console.log(n);
`);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    });
  });
});
