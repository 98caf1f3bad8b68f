import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import type { PolicyOptions } from '../../src/types.js';
import type { Report } from '../../src/types.js';
import { manifest } from '../support/manifests.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir } from '../support/tmp-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');

async function bothEvaluators(options: PolicyOptions, patterns: string[], exclude: string[] = []): Promise<[Report, Report]> {
  const run = async (evaluator: PolicyOptions['evaluator']) => {
    const policy = await loadPolicy({ ...options, cwd: repo, asOf: '2027-01-01', evaluator });
    return policy.checkFiles(patterns, { cwd: repo, exclude });
  };
  return [await run('compiled'), await run('json-rules-engine')];
}

describe('json-rules-engine evaluator agrees with the compiled evaluator', () => {
  it('on the rule fixtures (fixtures/rules)', async () => {
    const [compiled, engine] = await bothEvaluators({ approvals: 'fixtures/rules/approvals.yaml' }, ['fixtures/rules'], ['fixtures/rules/approvals.yaml']);
    expect(compiled.findings.length).toBeGreaterThan(20);
    expect(new Set(compiled.findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(9);
    expect(engine.findings).toEqual(compiled.findings);
    expect(engine.problems).toEqual(compiled.problems);
    expect(engine.notices).toEqual(compiled.notices);
  });

  it('on the examples, with approvals and waivers (fixtures/examples)', async () => {
    const options = { approvals: 'fixtures/examples/approvals.yaml', waivers: 'fixtures/examples/waivers.yaml' };
    const [compiled, engine] = await bothEvaluators(options, ['fixtures/examples/deployments']);
    expect(compiled.findings.length).toBeGreaterThan(0);
    expect(compiled.findings.some((f) => f.waived)).toBe(true);
    expect(engine.findings).toEqual(compiled.findings);
    expect(engine.summary).toEqual(compiled.summary);
  });

  it('without an approvals registry too', async () => {
    const [compiled, engine] = await bothEvaluators({}, ['fixtures/examples/deployments']);
    expect(engine.findings).toEqual(compiled.findings);
    expect(engine.notices).toEqual(compiled.notices);
  });

  it('gives the same findings under concurrent check() calls on one policy (json-rules-engine #303, #360)', async () => {
    const policy = await loadPolicy({ evaluator: 'json-rules-engine', asOf: '2027-01-01' });
    const deployments = Array.from({ length: 40 }, (_, i) =>
      manifest({
        name: `d-${i}`,
        provider: ['oracle', 'azure', 'aws', 'openai'][i % 4] as string,
        workload: ['api', 'product', 'training', 'research'][i % 4] as string,
        spec: { capacity: { kind: i % 2 === 0 ? 'new' : 'existing', gpus: 10 * i }, endpoints: [{ url: 'https://a.example', hostedOn: i % 3 === 0 ? 'azure' : 'gcp' }] },
      }),
    );
    const sequential = [];
    for (const d of deployments) sequential.push(await policy.check(d));
    const concurrent = await Promise.all(deployments.map((d) => policy.check(d)));
    expect(concurrent).toEqual(sequential);
    expect(sequential.flat().length).toBeGreaterThan(40);
    const compiled = await loadPolicy({ asOf: '2027-01-01' });
    expect(await Promise.all(deployments.map((d) => compiled.check(d)))).toEqual(sequential);
  });

  it('on absent fields, number and date operators, fact references and each', async () => {
    const tmp = await makeTempDir();
    try {
      const cond = (...all: unknown[]) => ({ conditions: { all } });
      await writeRules(tmp, 'rules', [
        ruleJson('rofr-not-declined', { message: 'm', at: undefined, ...cond({ fact: 'spec', path: '$.rofr.decision', operator: 'notEqual', value: 'declined' }) }),
        ruleJson('rofr-absent', { message: 'm', at: undefined, ...cond({ fact: 'spec', path: '$.rofr', operator: 'exists', value: false }) }),
        ruleJson('many-gpus', { message: 'm', at: undefined, ...cond({ fact: 'spec', path: '$.capacity.gpus', operator: 'greaterThanInclusive', value: 100 }) }),
        ruleJson('megawatts-low', { message: 'm', at: undefined, ...cond({ fact: 'spec', path: '$.capacity.megawatts', operator: 'lessThan', value: 10 }) }),
        ruleJson('late-offer', { message: 'm', at: undefined, ...cond({ fact: 'spec', path: '$.rofr.offeredOn', operator: 'dateAfter', value: { fact: 'metadata', path: '$.date' } }) }),
        ruleJson('not-api-or-product', { message: 'm', at: undefined, conditions: { not: { fact: 'spec', path: '$.workload', operator: 'in', value: ['api', 'product'] } } }),
        ruleJson('endpoint-off', { message: '{{item.url}}', at: undefined, each: 'spec.endpoints', ...cond({ fact: 'item', path: '$.hostedOn', operator: 'notIn', value: ['azure'] }) }),
      ]);
      const samples = [
        manifest({ name: 'a', spec: { capacity: { kind: 'new', gpus: 100, megawatts: 5 } } }),
        manifest({ name: 'b', workload: 'training', spec: { capacity: { kind: 'new', gpus: 99 }, rofr: { reference: 'R', offeredOn: '2027-03-02', decision: 'declined' } } }),
        manifest({ name: 'c', spec: { rofr: { reference: 'R', offeredOn: '2027-01-01', decision: 'pending' }, endpoints: [{ url: 'https://a.example', hostedOn: 'gcp' }, { url: 'https://b.example', hostedOn: 'azure' }, { url: 'https://c.example', hostedOn: 'aws' }] } }),
      ];
      const compiled = await loadPolicy({ rules: 'rules', cwd: tmp.dir, asOf: '2027-01-01' });
      const engine = await loadPolicy({ rules: 'rules', cwd: tmp.dir, asOf: '2027-01-01', evaluator: 'json-rules-engine' });
      const expected: Record<string, string[]> = {
        a: ['many-gpus', 'megawatts-low', 'rofr-absent', 'rofr-not-declined'],
        b: ['late-offer', 'not-api-or-product'],
        c: ['endpoint-off', 'endpoint-off', 'many-gpus', 'rofr-not-declined'],
      };
      for (const sample of samples) {
        const fromCompiled = await compiled.check(sample);
        expect(await engine.check(sample)).toEqual(fromCompiled);
        const name = (sample.metadata as { name: string }).name;
        expect(fromCompiled.map((f) => f.rule).sort(), name).toEqual(expected[name]);
      }
      const endpoints = (await engine.check(samples[2])).filter((f) => f.rule === 'endpoint-off');
      expect(endpoints.map((f) => [f.path, f.message])).toEqual([
        ['spec.endpoints[0]', 'https://a.example'],
        ['spec.endpoints[2]', 'https://c.example'],
      ]);
    } finally {
      await tmp.cleanup();
    }
  });
});
