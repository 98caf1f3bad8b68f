import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccordError, isAccordError, loadPolicy, type Policy } from '../../src/index.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');

/** sha256 over the pack's rule files (name, NUL, bytes, NUL; in name order), computed here independently. */
async function packDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  for (const name of names) hash.update(`${name}\0`).update(await readFile(path.join(dir, name))).update('\0');
  return hash.digest('hex');
}

describe('loadPolicy defaults', () => {
  it('uses the rule pack shipped in the package, with its name, version and sha256', async () => {
    const policy = await loadPolicy({ asOf: '2027-01-01' });
    const pack = JSON.parse(await readFile(path.join(repo, 'rules', 'pack.json'), 'utf8')) as { name: string; version: string };
    expect(policy.rulePack).toEqual({ name: pack.name, version: pack.version, sha256: await packDigest(path.join(repo, 'rules')), rules: 10 });
    expect(policy.rulePack.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(policy.rules).toHaveLength(10);
    expect(policy.rules.map((r) => r.id)).toEqual([...policy.rules.map((r) => r.id)].sort());
    expect(policy.problems).toEqual([]);
    expect(policy.asOf).toBe('2027-01-01');
  });

  it('does not depend on the working directory', async () => {
    const spy = vi.spyOn(process, 'cwd').mockReturnValue(path.parse(repo).root);
    try {
      expect((await loadPolicy()).rulePack.rules).toBe(10);
    } finally {
      spy.mockRestore();
    }
  });

  it('changes the sha256 when a rule file changes by one byte', async () => {
    const tmp = await makeTempDir();
    try {
      await cp(path.join(repo, 'rules'), tmp.path('rules'), { recursive: true });
      const before = (await loadPolicy({ rules: tmp.path('rules') })).rulePack.sha256;
      const file = tmp.path('rules', 'api-exclusive-to-azure.json');
      await writeFile(file, `${await readFile(file, 'utf8')} `);
      expect((await loadPolicy({ rules: tmp.path('rules') })).rulePack.sha256).not.toBe(before);
    } finally {
      await tmp.cleanup();
    }
  });

  it('defaults asOf to today (UTC) and refuses an impossible asOf', async () => {
    expect((await loadPolicy()).asOf).toBe(new Date().toISOString().slice(0, 10));
    await expect(loadPolicy({ asOf: '2027-02-30' })).rejects.toMatchObject({ name: 'AccordError', code: 'INVALID_OPTION' });
    await expect(loadPolicy({ asOf: 'tomorrow' })).rejects.toBeInstanceOf(AccordError);
  });
});

describe('policy.check', () => {
  let policy: Policy;
  beforeAll(async () => {
    policy = await loadPolicy({ asOf: '2027-01-01' });
  });

  it('returns no finding for a compliant deployment', async () => {
    expect(await policy.check(manifest())).toEqual([]);
  });

  it('returns findings with the documented fields', async () => {
    const findings = await policy.check(manifest({ name: 'api-oracle', provider: 'oracle' }));
    const finding = findings.find((f) => f.rule === 'api-exclusive-to-azure');
    expect(finding).toMatchObject({
      severity: 'error',
      deployment: 'api-oracle',
      path: 'spec.provider',
      waived: false,
      message: expect.stringContaining('api-oracle'),
      clause: expect.any(String),
      remediation: expect.stringContaining('azure'),
    });
    expect(finding?.message).not.toContain('{{');
    expect(finding?.evidence).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'spec.provider', actual: 'oracle', operator: 'notEqual', expected: 'azure', text: expect.stringContaining('spec.provider is "oracle"') })]),
    );
  });

  it('takes unknown input and throws INVALID_DEPLOYMENT with every schema issue', async () => {
    const invalid: unknown = { ...manifest(), kind: 'Service', extra: true };
    const error = await policy.check(invalid).catch((e: unknown) => e);
    expect(isAccordError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_DEPLOYMENT' });
    expect((error as AccordError).issues).toEqual(
      expect.arrayContaining([
        { path: 'kind', message: '"Service" is not a kind of accord/v1 (it reads Deployment)' },
        { path: 'extra', message: 'unknown field "extra"' },
      ]),
    );
    for (const value of [null, undefined, 'text', 42, []]) await expect(policy.check(value)).rejects.toMatchObject({ code: 'INVALID_DEPLOYMENT' });
  });
});

describe('policy.checkFiles', () => {
  let tmp: TempDir;
  let policy: Policy;
  beforeAll(async () => {
    tmp = await makeTempDir();
    policy = await loadPolicy({ asOf: '2027-01-01' });
  });
  afterAll(() => tmp.cleanup());

  it('returns problems instead of throwing for bad input, and still checks the good files', async () => {
    await tmp.write('bad/broken.json', '{"apiVersion": ');
    await tmp.write('bad/dup.yaml', 'a: 1\na: 2\n');
    await tmp.write('bad/good.yaml', manifestYaml({ name: 'api-oracle', provider: 'oracle' }));
    const report = await policy.checkFiles(['bad', 'missing.yaml', 'nothing/**/*.yaml'], { cwd: tmp.dir });
    expect(report.problems.map((p) => [p.file, p.code])).toEqual([
      ['bad/broken.json', 'PARSE_ERROR'],
      ['bad/dup.yaml', 'DUPLICATE_KEY'],
      ['missing.yaml', 'READ_ERROR'],
      ['nothing/**/*.yaml', 'NO_MATCH'],
    ]);
    expect(report.findings.map((f) => f.deployment)).toContain('api-oracle');
    expect(report.summary).toMatchObject({ files: 3, deployments: 1, problems: 4 });
  });

  it('reports a deployment name used twice in a run, and still checks both', async () => {
    await tmp.write('dups/a.yaml', manifestYaml({ name: 'same', provider: 'oracle' }));
    await tmp.write('dups/b.json', JSON.stringify(manifest({ name: 'same', provider: 'oracle' })));
    const report = await policy.checkFiles('dups', { cwd: tmp.dir });
    expect(report.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_NAME', file: 'dups/b.json', deployment: 'same', message: expect.stringContaining('dups/a.yaml:1') })]);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['dups/a.yaml', 'dups/b.json']));
  });

  it('orders findings by file, line and rule, whatever the input order', async () => {
    await tmp.write('order/b.yaml', manifestYaml({ name: 'b', provider: 'oracle' }));
    await tmp.write('order/a.yaml', [manifestYaml({ name: 'a1', provider: 'oracle' }), manifestYaml({ name: 'a2', provider: 'gcp' })].join('---\n'));
    const report = await policy.checkFiles(['order/b.yaml', 'order/a.yaml'], { cwd: tmp.dir });
    const keys = report.findings.map((f) => [f.file, f.line, f.column, f.rule] as const);
    const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2] || (x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : 0)));
    expect(keys).toEqual(sorted);
    expect(report.findings[0]?.file).toBe('order/a.yaml');
  });

  it('yields one finding per offending list element, positioned at that element', async () => {
    const text = `${manifestYaml({ name: 'api-edges' })}  endpoints:\n    - url: https://a.example\n      hostedOn: gcp\n    - url: https://b.example\n      hostedOn: azure\n    - url: https://c.example\n      hostedOn: aws\n`;
    await tmp.write('edges.yaml', text);
    const report = await policy.checkFiles('edges.yaml', { cwd: tmp.dir });
    expect(report.problems).toEqual([]);
    const endpoints = report.findings.filter((f) => f.rule === 'api-endpoint-off-azure');
    expect(endpoints.map((f) => [f.path, f.line, f.column])).toEqual([
      ['spec.endpoints[0].hostedOn', positionOf(text, 'hostedOn: gcp').line, positionOf(text, 'hostedOn: gcp').column],
      ['spec.endpoints[2].hostedOn', positionOf(text, 'hostedOn: aws').line, positionOf(text, 'hostedOn: aws').column],
    ]);
    expect(endpoints[1]?.message).toContain('https://c.example');
  });

  it('throws only for a misuse of the API (no patterns)', async () => {
    await expect(policy.checkFiles([], { cwd: tmp.dir })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('carries the version, tool, rulePack and asOf in every report', async () => {
    await tmp.write('one.yaml', manifestYaml());
    const report = await policy.checkFiles('one.yaml', { cwd: tmp.dir });
    expect(report).toMatchObject({ version: 1, tool: { name: 'accord', version: expect.any(String) }, rulePack: policy.rulePack, asOf: '2027-01-01' });
  });
});

describe('policy.checkStream', () => {
  let policy: Policy;
  beforeAll(async () => {
    policy = await loadPolicy({ asOf: '2027-01-01' });
  });
  const oracle = (name: string) => manifest({ name, provider: 'oracle' });

  it('reads JSON from a Readable', async () => {
    const report = await policy.checkStream(Readable.from([Buffer.from(JSON.stringify([oracle('s-1'), oracle('s-2')]))]));
    expect(report.problems).toEqual([]);
    expect(report.summary.deployments).toBe(2);
    expect(new Set(report.findings.map((f) => f.deployment))).toEqual(new Set(['s-1', 's-2']));
    expect(report.findings.every((f) => f.file === '<stdin>')).toBe(true);
  });

  it('reads multi-document YAML, split across chunks, with positions', async () => {
    const text = [manifestYaml({ name: 'y-1', provider: 'oracle' }), manifestYaml({ name: 'y-2', provider: 'oracle' })].join('---\n');
    const chunks = text.match(/[\s\S]{1,17}/g) as string[];
    const report = await policy.checkStream(Readable.from(chunks), { name: 'piped.yaml' });
    const finding = report.findings.find((f) => f.deployment === 'y-2' && f.rule === 'api-exclusive-to-azure');
    expect(finding).toMatchObject({ file: 'piped.yaml', line: text.split('\n').findIndex((l, i) => i > 10 && l.startsWith('  provider:')) + 1, column: 3 });
  });

  it('reads JSONL, each record at its line', async () => {
    const text = `${JSON.stringify(oracle('l-1'))}\n\n${JSON.stringify(oracle('l-2'))}\n`;
    const report = await policy.checkStream(Readable.from([text]), { format: 'jsonl' });
    expect(report.problems).toEqual([]);
    expect([...new Set(report.findings.map((f) => `${f.deployment}@${f.line}`))].sort()).toEqual(['l-1@1', 'l-2@3']);
    const detected = await policy.checkStream(Readable.from([text]));
    expect(detected.findings).toEqual(report.findings);
  });

  it('reads plain Uint8Array chunks (what its type promises, not only Buffers), JSON and JSONL, split mid-line', async () => {
    const bytes = (text: string) => {
      const all = new TextEncoder().encode(text);
      const cut = Math.floor(all.length / 2);
      return async function* () {
        yield all.subarray(0, cut);
        yield all.subarray(cut);
      };
    };
    const json = await policy.checkStream(bytes(JSON.stringify([oracle('u-1'), oracle('u-2')]))());
    expect(json.problems).toEqual([]);
    expect(new Set(json.findings.map((f) => f.deployment))).toEqual(new Set(['u-1', 'u-2']));
    const jsonl = await policy.checkStream(bytes(`${JSON.stringify(oracle('u-3'))}\n${JSON.stringify(oracle('u-4'))}\n`)(), { format: 'jsonl' });
    expect(jsonl.problems).toEqual([]);
    expect([...new Set(jsonl.findings.map((f) => `${f.deployment}@${f.line}`))].sort()).toEqual(['u-3@1', 'u-4@2']);
  });

  it('reports a bad stream as a problem', async () => {
    const report = await policy.checkStream(Readable.from(['{"apiVersion": ']));
    expect(report.problems).toEqual([expect.objectContaining({ file: '<stdin>', code: 'PARSE_ERROR' })]);
    const empty = await policy.checkStream(Readable.from([]));
    expect(empty.problems).toEqual([expect.objectContaining({ code: 'NO_DEPLOYMENTS' })]);
  });
});

describe('the library is quiet', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never writes to stdout or stderr and never calls process.exit, even on bad input', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const logs = [vi.spyOn(console, 'log'), vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
    const tmp = await makeTempDir();
    try {
      await tmp.write('d/bad.json', '{');
      await tmp.write('d/deep.yaml', `${'- '.repeat(5000)}x\n`);
      await tmp.write('d/ok.yaml', manifestYaml({ provider: 'oracle' }));
      await tmp.write('rules/empty.txt', '');
      const policy = await loadPolicy({ asOf: '2027-01-01', evaluator: 'json-rules-engine', approvals: path.join(repo, 'fixtures/examples/approvals.yaml') });
      await policy.check(manifest({ provider: 'oracle' }));
      await policy.check({}).catch(() => undefined);
      await policy.checkFiles(['d', 'nope/*.yaml'], { cwd: tmp.dir });
      await policy.checkStream(Readable.from(['not: [valid']));
      await loadPolicy({ rules: tmp.path('rules') }).catch(() => undefined);
      await loadPolicy({ rules: tmp.path('rules'), keepGoing: true });
    } finally {
      await tmp.cleanup();
    }
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    for (const log of logs) expect(log).not.toHaveBeenCalled();
  });
});
