import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { manifest } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { noStackTrace, repo, runCli } from './run-cli.js';

const names = ['deployment', 'approvals', 'waivers', 'rule', 'config'];

describe('accord schema', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('accord-schema-');
  });
  afterAll(() => tmp.cleanup());

  it.each(names)('prints the %s schema as it ships, with a stable $id', (name) => {
    const result = runCli(['schema', name], { cwd: tmp.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(repo, 'schemas', `${name}.schema.json`), 'utf8'));
    const schema = JSON.parse(result.stdout) as { $id: string; $schema: string };
    expect(schema.$id).toBe(`https://accord-policy.dev/schemas/v1/${name}.schema.json`);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('prints the deployment schema without a name, and where a schema file is with --path', () => {
    expect(runCli(['schema']).stdout).toBe(runCli(['schema', 'deployment']).stdout);
    const result = runCli(['schema', 'waivers', '--path'], { cwd: tmp.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${path.join(repo, 'schemas', 'waivers.schema.json')}\n`);
  });

  it('ships the schemas in the package', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schemas');
  });

  it('refuses an unknown name, suggesting the one meant', () => {
    const result = runCli(['schema', 'waiver'], { cwd: tmp.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('accord: no schema "waiver"; did you mean "waivers"? (schemas: deployment, approvals, waivers, rule, config)\n');
    expect(noStackTrace(result.stderr)).toBe(true);
  });

  it('validates, with any draft-07 validator, the files accord itself accepts', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validator = (name: string) => ajv.compile(JSON.parse(runCli(['schema', name]).stdout) as object);
    const deployment = validator('deployment');
    for (const file of ['api.yaml', 'stargate-milam.yaml']) {
      for (const doc of readFileSync(path.join(repo, 'fixtures/examples/deployments', file), 'utf8').split(/^---$/m)) {
        expect(deployment(parse(doc)), `${file}: ${ajv.errorsText(deployment.errors)}`).toBe(true);
      }
    }
    expect(deployment({ ...manifest(), capcity: {} })).toBe(false);
    expect(validator('approvals')(parse(readFileSync(path.join(repo, 'fixtures/examples/approvals.yaml'), 'utf8')))).toBe(true);
    expect(validator('waivers')(parse(readFileSync(path.join(repo, 'fixtures/examples/waivers.yaml'), 'utf8')))).toBe(true);
    expect(validator('rule')(JSON.parse(readFileSync(path.join(repo, 'rules/api-exclusive-to-azure.json'), 'utf8')))).toBe(true);
  });

  it('lets a JSON manifest name its schema with "$schema"', async () => {
    await tmp.write('d.json', JSON.stringify({ $schema: './node_modules/accord-policy/schemas/deployment.schema.json', ...manifest({ name: 'with-schema' }) }, null, 2));
    await tmp.write('w.json', JSON.stringify({ $schema: './node_modules/accord-policy/schemas/waivers.schema.json', waivers: [] }));
    await tmp.write('a.json', JSON.stringify({ $schema: './node_modules/accord-policy/schemas/approvals.schema.json', approvals: [] }));
    const result = runCli(['check', 'd.json', '--waivers', 'w.json', '--approvals', 'a.json'], { cwd: tmp.dir });
    expect(result.stdout).toMatch(/^✔ 0 errors, .* 0 problems in 1 deployment/m);
    expect(result.status).toBe(0);
  });

  it('docs/editor.md names only schemas that ship, with the $ids they carry', () => {
    const doc = readFileSync(path.join(repo, 'docs/editor.md'), 'utf8');
    const shipped = new Set(names.map((n) => `${n}.schema.json`));
    const referenced = [...doc.matchAll(/node_modules\/accord-policy\/schemas\/([\w.-]+)/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThanOrEqual(8);
    for (const file of referenced) expect(shipped, file).toContain(file);
    for (const name of names) expect(doc).toContain(`| \`schemas/${name}.schema.json\` | \`https://accord-policy.dev/schemas/v1/${name}.schema.json\` |`);
    const settings = /```json\n(\{\n {2}"json\.schemas"[\s\S]*?)```/.exec(doc)?.[1];
    expect(() => JSON.parse(settings ?? '')).not.toThrow();
  });
});
