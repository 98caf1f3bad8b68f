// The bundled rules are evaluated by functions generated at build time (scripts/build-pack-code.mjs):
// they must be used for exactly those rules, and must agree with the closures compiled from the same
// conditions (compile.ts) on any facts, however malformed. The closures' agreement with
// json-rules-engine is the differential test's (test/properties/differential.test.ts).
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileConditions } from '../../src/policy/compile.js';
import { resolvePath } from '../../src/policy/facts.js';
import { conditionsKey } from '../../src/policy/hydrate-rule.js';
import { loadRules, type LoadedRule } from '../../src/policy/load-rules.js';
import type { RuleFile } from '../../src/policy/rule-types.js';
import { mutatedDeployment, weirdValues } from '../properties/mutations.js';
import { replay, runs } from '../properties/seed.js';
import { validDeployment } from '../support/arbitraries.js';
import { ruleJson, writeRules } from '../support/rule-files.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

const repo = path.resolve(import.meta.dirname, '../..');
let bundled: LoadedRule[];
let tmp: TempDir;

beforeAll(async () => {
  tmp = await makeTempDir('accord-generated-');
  const loaded = await loadRules([path.join(repo, 'rules')], repo);
  expect(loaded.problems).toEqual([]);
  bundled = loaded.rules;
});

afterAll(() => tmp.cleanup());

describe('generated conditions', () => {
  it('evaluate every rule of the bundled pack', () => {
    expect(bundled.length).toBe(10);
    expect(bundled.filter((r) => !r.compiled.generated).map((r) => r.id)).toEqual([]);
  });

  it('key a rule by its conditions exactly: a value of 1e999 (Infinity once parsed) is not taken for null', () => {
    const rule = (value: unknown) => ({ conditions: JSON.parse(`{"all":[{"fact":"spec","path":"$.capacity.gpus","operator":"lessThan","value":${String(value)}}]}`) as RuleFile['conditions'] });
    expect(conditionsKey(rule('1e999'))).not.toBe(conditionsKey(rule('null')));
    expect(conditionsKey(rule('-1e999'))).not.toBe(conditionsKey(rule('1e999')));
    expect(conditionsKey(rule('5'))).toBe(conditionsKey(rule('5.0')));
  });

  it('are not used for a rule whose conditions differ from every bundled rule', async () => {
    const conditions = { all: [{ fact: 'spec', path: '$.workload', operator: 'equal', value: 'product' }] };
    const dir = await writeRules(tmp, 'custom', [ruleJson('product-anywhere', { conditions }), ruleJson('same-as-bundled')]);
    const { rules, problems } = await loadRules([dir], repo);
    expect(problems).toEqual([]);
    const byId = new Map(rules.map((r) => [r.id, r]));
    const custom = byId.get('product-anywhere') as LoadedRule;
    expect(custom.compiled.generated).toBe(false);
    expect(custom.compiled.test({ spec: { workload: 'product' } }, undefined)).toBe(true);
    expect(custom.compiled.test({ spec: { workload: 'api' } }, undefined)).toBe(false);
    // Conditions equal to api-exclusive-to-azure's: the same generated function serves both.
    expect(byId.get('same-as-bundled')?.compiled.generated).toBe(true);
  });

  it('read own properties only: an inherited field changes nothing, as for the closures', () => {
    // Values that would flip the rules if they were read through the prototype.
    const inherited = { workload: 'api', provider: 'azure', hostedOn: 'azure', kind: 'new', decision: 'accepted', metered: true, microsoft: false, status: 'out-of-scope' };
    const variants = [
      { metadata: { date: '2027-01-01' }, spec: { endpoints: [{}], capacity: {}, rofr: {}, revenueShare: {}, ipAccess: {} }, approval: {} },
      { metadata: { date: '2027-01-01' }, spec: { workload: 'api', provider: 'aws', endpoints: [{ url: 'x' }], capacity: { gpus: 1 }, rofr: { offeredOn: '2027-02-01' } }, approval: { reference: 'r' } },
      { metadata: {}, spec: { workload: 'product', endpoints: [] }, approval: { status: 'covers' } },
    ];
    const results = (test: (rule: LoadedRule) => LoadedRule['compiled']['test']) =>
      variants.flatMap((facts) => bundled.map((rule) => `${rule.id}: ${test(rule)(facts, rule.compiled.each ? (facts.spec.endpoints as unknown[])[0] : undefined)}`));
    const clean = results((rule) => rule.compiled.test);
    expect(clean.filter((r) => r.endsWith('true')).length).toBeGreaterThan(0);
    const proto = Object.prototype as Record<string, unknown>;
    let polluted: { generated: string[]; closures: string[] };
    try {
      Object.assign(proto, inherited);
      polluted = { generated: results((rule) => rule.compiled.test), closures: results((rule) => compileConditions(rule).test) };
    } finally {
      for (const key of Object.keys(inherited)) delete proto[key];
    }
    expect(polluted.generated).toEqual(clean);
    expect(polluted.closures).toEqual(clean);
  });

  it('agree with the closures on 10,000 valid and mutated deployments, for every rule and element', () => {
    const closures = new Map(bundled.map((rule) => [rule.id, compileConditions(rule).test]));
    const held = new Map(bundled.map((rule) => [rule.id, 0]));
    const approval = fc.oneof(
      fc.record(
        {
          status: fc.constantFrom('absent', 'unverified', 'unregistered', 'out-of-scope', 'covers'),
          reference: fc.string(),
          problem: fc.string(),
          // The ledger facts, in a small range so that totals and caps meet.
          cumulativeGpus: fc.integer({ min: 0, max: 10 }),
          cumulativeMegawatts: fc.double({ min: 0, max: 10, noNaN: true }),
          maxTotalGpus: fc.integer({ min: 1, max: 10 }),
          maxTotalMegawatts: fc.double({ min: 0.5, max: 10, noNaN: true }),
        },
        { requiredKeys: ['status', 'reference', 'problem'] },
      ),
      weirdValues,
    );
    fc.assert(
      fc.property(fc.oneof(validDeployment(), mutatedDeployment), approval, weirdValues, (deployment, approvalFact, oddItem) => {
        const d = (deployment ?? {}) as Record<string, unknown>;
        const facts = { apiVersion: d.apiVersion, kind: d.kind, metadata: d.metadata, spec: d.spec, approval: approvalFact };
        for (const rule of bundled) {
          const closure = closures.get(rule.id) as (facts: object, item: unknown) => boolean;
          const list = rule.compiled.each ? resolvePath(facts, rule.compiled.each) : undefined;
          const items = rule.compiled.each ? [...(Array.isArray(list) ? list : []), oddItem] : [undefined];
          for (const item of items) {
            const generated = rule.compiled.test(facts, item);
            expect(generated, `${rule.id} on ${JSON.stringify(facts)} with item ${JSON.stringify(item)} (${replay})`).toBe(closure(facts, item));
            if (generated) held.set(rule.id, (held.get(rule.id) as number) + 1);
          }
        }
      }),
      runs(10_000),
    );
    // Every rule held somewhere, so no comparison was only ever of two falses.
    expect([...held].filter(([, n]) => n < 20)).toEqual([]);
  });
});
