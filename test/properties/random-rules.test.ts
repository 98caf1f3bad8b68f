// Random-rule differential property (issue 13): json-rules-engine is the semantics of record, and
// the compiled conditions (src/policy/compile.ts) are the one fast path. On randomly generated
// schema-valid rules (every operator, all/any/not nesting, fact references, `each`) and random
// valid deployments, both evaluators must give identical findings: rule, path, position, message
// and evidence. The two divergences that only the rule schema and the load-time checks keep out
// are pinned below, so that a change in either guard is seen.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../src/deployment.js';
import type { Approval, ApprovalRegistry } from '../../src/policy/approvals.js';
import { createEngineEvaluator } from '../../src/policy/engine-evaluator.js';
import { evaluateDeployment } from '../../src/policy/evaluate.js';
import { compileRule, type LoadedRule } from '../../src/policy/loaded-rule.js';
import { operators } from '../../src/policy/operators.js';
import type { Condition, LeafCondition, RuleFile } from '../../src/policy/rule-types.js';
import { checkRule } from '../../src/policy/static-check.js';
import { validators } from '../../src/schema/validators.js';
import { referenceRegistry, validDeployment } from '../support/arbitraries.js';
import { expectNoPollution, replay, runs } from './seed.js';

const registry: ApprovalRegistry = new Map(referenceRegistry.map((a) => [a.reference, a as Approval]));

type Kind = 'enum' | 'number' | 'date' | 'boolean' | 'string' | 'object' | 'list';

/**
 * The fields a condition reads, with values from the deployments' own vocabulary, so that
 * conditions hold often enough to compare: fields a deployment may lack, one no deployment has,
 * and a fact no deployment has (undefined for both evaluators). `apiVersion` and `kind` are
 * strings: a path into them is the second pinned divergence, which the load-time checks refuse.
 */
const fields: readonly { fact: string; path?: string; kind: Kind; values: readonly unknown[] }[] = [
  { fact: 'apiVersion', kind: 'enum', values: ['accord/v1', 'accord/v2'] },
  { fact: 'kind', path: '$', kind: 'enum', values: ['Deployment'] },
  { fact: 'metadata', path: '$.name', kind: 'string', values: ['api-7', 'x', ''] },
  { fact: 'metadata', path: '$.date', kind: 'date', values: ['2026-06-01', '2027-03-01', '2030-12-31', '2031-01-01'] },
  { fact: 'metadata', path: '$.owner', kind: 'enum', values: ['platform-team', 'research-infra'] },
  { fact: 'metadata', path: '$.labels', kind: 'object', values: [] },
  { fact: 'metadata', path: '$.missing', kind: 'string', values: ['x'] },
  { fact: 'spec', path: '$.workload', kind: 'enum', values: ['api', 'product', 'training', 'research', 'internal'] },
  { fact: 'spec', path: '$.provider', kind: 'enum', values: ['azure', 'oracle', 'aws', 'openai', 'other'] },
  { fact: 'spec', path: '$.region', kind: 'enum', values: ['eastus', 'tokyo'] },
  { fact: 'spec', path: '$.capacity', kind: 'object', values: [] },
  { fact: 'spec', path: '$.capacity.kind', kind: 'enum', values: ['new', 'existing'] },
  { fact: 'spec', path: '$.capacity.gpus', kind: 'number', values: [0, 1, 19, 5000, 400000, 400001, 1e6, 2e6, 1e9, 1e12, -1, 2.5] },
  { fact: 'spec', path: '$.capacity.megawatts', kind: 'number', values: [0.1, 100, 1000, 1e9] },
  // The one list: twice, since `contains` holds only on it (against the element, in `each` rules).
  { fact: 'spec', path: '$.endpoints', kind: 'list', values: [] },
  { fact: 'spec', path: '$.endpoints', kind: 'list', values: [] },
  { fact: 'spec', path: '$.rofr', kind: 'object', values: [] },
  { fact: 'spec', path: '$.rofr.decision', kind: 'enum', values: ['declined', 'accepted', 'pending'] },
  { fact: 'spec', path: '$.rofr.offeredOn', kind: 'date', values: ['2026-01-01', '2027-12-23', '2030-01-07'] },
  { fact: 'spec', path: '$.approval.reference', kind: 'enum', values: ['MSFT-CAP-2026-001', 'NOT-IN-REGISTRY-1'] },
  { fact: 'spec', path: '$.revenueShare.metered', kind: 'boolean', values: [true, false] },
  { fact: 'spec', path: '$.ipAccess.microsoft', kind: 'boolean', values: [true, false] },
  { fact: 'spec', path: '$.missing.deeper', kind: 'number', values: [1] },
  { fact: 'approval', path: '$.status', kind: 'enum', values: ['absent', 'unverified', 'unregistered', 'out-of-scope', 'covers'] },
  { fact: 'approval', path: '$.problem', kind: 'string', values: ['', 'no approval reference'] },
  { fact: 'approval', kind: 'object', values: [] },
  { fact: 'item', path: '$.hostedOn', kind: 'enum', values: ['azure', 'oracle', 'gcp'] },
  { fact: 'item', path: '$.public', kind: 'boolean', values: [true, false] },
  { fact: 'item', path: '$.url', kind: 'string', values: ['https://api.openai.com/v1', 'https://batch.example.net'] },
  { fact: 'item', kind: 'object', values: [] },
  { fact: 'extra', path: '$.field', kind: 'number', values: [1] },
];

const operatorsFor: Record<Kind, readonly string[]> = {
  enum: ['equal', 'notEqual', 'in', 'notIn', 'exists'],
  string: ['equal', 'notEqual', 'in', 'notIn', 'exists'],
  boolean: ['equal', 'notEqual', 'in', 'notIn', 'exists'],
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'exists'],
  date: ['dateAfter', 'dateBefore', 'equal', 'notEqual', 'exists'],
  object: ['exists', 'equal', 'notEqual'],
  list: ['contains', 'doesNotContain', 'exists'],
};

/** Anything the rule schema allows as a value, for the odd combinations. */
const anyScalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -10, max: 500_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const anyFactRef = fc.constantFrom(...fields).map(({ fact, path }) => (path === undefined ? { fact } : { fact, path }));

/** A value for `operator` on a field of `kind`: mostly one that can hold, sometimes anything. */
function valueFor(field: (typeof fields)[number], operator: string, each: boolean): fc.Arbitrary<unknown> {
  const own = field.values.length > 0 ? fc.constantFrom(...field.values) : anyScalar;
  const odd = fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 3 }), anyFactRef);
  let likely: fc.Arbitrary<unknown>;
  if (operator === 'exists') likely = fc.boolean();
  else if (operator === 'in' || operator === 'notIn') likely = fc.array(own, { minLength: 1, maxLength: 3 });
  else if (operator === 'contains' || operator === 'doesNotContain') likely = each ? fc.oneof({ weight: 3, arbitrary: fc.constant({ fact: 'item' }) }, { weight: 1, arbitrary: fc.constant('azure') }) : fc.constantFrom('azure', 1);
  else if (field.kind === 'date') likely = fc.oneof(own, fc.constantFrom({ fact: 'metadata', path: '$.date' }, { fact: 'spec', path: '$.rofr.offeredOn' }));
  else if (field.kind === 'number') likely = fc.oneof(own, fc.constant({ fact: 'spec', path: '$.capacity.megawatts' }));
  else likely = own;
  return fc.oneof({ weight: 6, arbitrary: likely }, { weight: 1, arbitrary: odd });
}

const leaf = (each: boolean): fc.Arbitrary<LeafCondition> =>
  fc.constantFrom(...fields.filter((f) => each || f.fact !== 'item')).chain((field) =>
    fc
      .oneof({ weight: 6, arbitrary: fc.constantFrom(...operatorsFor[field.kind]) }, { weight: 1, arbitrary: fc.constantFrom(...operators.keys()) })
      .chain((operator) =>
        valueFor(field, operator, each).map((value) => ({ fact: field.fact, ...(field.path === undefined ? {} : { path: field.path }), operator, value }) as LeafCondition),
      ),
  );

/** all/any/not nested up to a few levels, never empty (the first pinned divergence). */
const conditions = (each: boolean): fc.Arbitrary<Condition> =>
  fc.letrec<{ node: Condition; group: Condition }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 3, arbitrary: leaf(each) }, { weight: 1, arbitrary: tie('group') }),
    group: fc.oneof(
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  })).group;

const ruleArbitrary: fc.Arbitrary<RuleFile> = fc.boolean().chain((each) =>
  fc.record({
    conditions: conditions(each),
    at: fc.constantFrom(undefined, 'spec.provider', each ? 'spec.endpoints[*].hostedOn' : 'metadata.date'),
    effective: fc.constantFrom(undefined, { until: '2030-12-31' }, { from: '2027-01-01' }),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  }).map(({ conditions: c, at, effective, severity }) => ({
    id: 'random-rule',
    title: 'A random rule',
    severity,
    clause: 'Generated.',
    source: 'test/properties/random-rules.test.ts',
    message: each ? 'Endpoint {{item.url}} of {{metadata.name}} on {{spec.provider}}.' : '{{metadata.name}} on {{spec.provider}} ({{spec.capacity.gpus}} GPUs).',
    remediation: 'None.',
    ...(each ? { each: 'spec.endpoints' } : {}),
    ...(at === undefined ? {} : { at }),
    ...(effective === undefined ? {} : { effective }),
    conditions: c,
  })),
);

/** Distinct ids, so both evaluators see a pack of several rules at once. */
const packArbitrary = fc.array(ruleArbitrary, { minLength: 1, maxLength: 5 }).map((rules) =>
  rules.map((rule, i): LoadedRule => {
    const id = `random-rule-${i}`;
    return compileRule({ ...rule, id, file: `rules/${id}.json`, absolutePath: `/rules/${id}.json` });
  }),
);

/** A source map whose positions encode the path, so a finding pointing at the wrong field shows. */
const document = {
  file: 'random.json',
  locate: (segments: readonly (string | number)[]) => {
    const key = segments.join('/');
    let sum = 0;
    for (let i = 0; i < key.length; i++) sum = (sum * 31 + key.charCodeAt(i)) % 9973;
    return { line: key.length + 1, column: sum + 1 };
  },
};

/**
 * The result, or the kind of error thrown. `in` against a value without indexOf (a number, or a
 * referenced field that is absent) throws a TypeError in json-rules-engine's operator, and so in the
 * compiled one: the same outcome, which the load-time checks keep out of most rules.
 */
async function settle<T>(run: () => T | Promise<T>): Promise<{ result: T } | { threw: string }> {
  try {
    return { result: await run() };
  } catch (error) {
    return { threw: error instanceof Error ? error.name : String(error) };
  }
}

function leaves(condition: Condition): LeafCondition[] {
  if ('fact' in condition) return [condition];
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  return leaves(condition.not);
}

describe('random rules: the compiled conditions against json-rules-engine (Engine.run)', () => {
  it('every generated rule is valid by the rule schema (the generator is honest)', () => {
    fc.assert(
      fc.property(ruleArbitrary, (rule) => {
        expect(validators.rule(rule), `${JSON.stringify(rule)}: ${JSON.stringify(validators.rule.errors)} (${replay})`).toBe(true);
      }),
      runs(2_000),
    );
  });

  it('give identical findings (rule, path, position, message, evidence) on 800 random packs × 8 deployments', async () => {
    const held = new Map<string, number>([...operators.keys()].map((name) => [name, 0]));
    const shapes = { each: 0, not: 0, any: 0, factReference: 0, staticallyRefused: 0, threw: 0, loadable: 0 };
    let findings = 0;
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(packArbitrary, fc.array(validDeployment(referenceRegistry), { minLength: 8, maxLength: 8 }), fc.boolean(), async (rules, deployments, withRegistry) => {
        const registered = withRegistry ? registry : undefined;
        const engine = createEngineEvaluator(rules, registered);
        const loadable = rules.every((rule) => checkRule(rule).length === 0);
        for (const deployment of deployments) {
          const compiled = await settle(() => evaluateDeployment(document, deployment, rules, registered));
          const fromEngine = await settle(() => engine(document, deployment));
          const context = `on ${JSON.stringify(rules.map((r) => [r.each, r.at, r.conditions]))} and ${JSON.stringify(deployment)} (${replay})`;
          compared++;
          if (!('result' in compiled) || !('result' in fromEngine)) {
            // An operator threw (\`in\` against a value without indexOf). json-rules-engine evaluates
            // every child of all/any where the compiled conditions stop at the first that decides,
            // so one may throw where the other does not: only a rule the load-time checks refuse may do either.
            expect(loadable, `an evaluator threw on a pack that loads: compiled ${JSON.stringify(compiled)}, engine ${JSON.stringify(fromEngine)} ${context}`).toBe(false);
            shapes.threw++;
            continue;
          }
          expect(compiled.result, `compiled vs json-rules-engine ${context}`).toEqual(fromEngine.result);
          if (loadable) shapes.loadable++;
          findings += compiled.result.findings.length;
          for (const finding of compiled.result.findings) {
            for (const evidence of finding.evidence) held.set(evidence.operator, (held.get(evidence.operator) ?? 0) + 1);
            const rule = rules.find((r) => r.id === finding.rule) as LoadedRule;
            if (rule.each) shapes.each++;
            const text = JSON.stringify(rule.conditions);
            if (text.includes('"not"')) shapes.not++;
            if (text.includes('"any"')) shapes.any++;
            if (leaves(rule.conditions).some((l) => l.value !== null && typeof l.value === 'object' && !Array.isArray(l.value))) shapes.factReference++;
          }
        }
        if (!loadable) shapes.staticallyRefused++;
        expectNoPollution();
      }),
      runs(800),
    );
    // Not vacuous: many findings, every operator held in some evidence, and every shape fired.
    expect(compared).toBe(800 * 8);
    expect(findings, replay).toBeGreaterThan(1_000);
    expect([...held].filter(([, n]) => n < 5), `operators that seldom held (${replay})`).toEqual([]);
    expect(Object.entries(shapes).filter(([, n]) => n < 5), `shapes that seldom fired (${replay})`).toEqual([]);
    expect(shapes.loadable, `deployments compared on packs that load (${replay})`).toBeGreaterThan(200);
  });
});

describe('divergences from json-rules-engine that only the rule guards keep out (pinned)', () => {
  const deployment = fc.sample(validDeployment(referenceRegistry), { seed: 13, numRuns: 1 })[0] as Deployment;
  const rule = (conditions: unknown): RuleFile =>
    ({ id: 'pinned', title: 't', severity: 'error', clause: 'c', source: 's', message: 'm', remediation: 'r', conditions }) as RuleFile;
  const both = async (file: RuleFile) => {
    const rules = [compileRule({ ...file, file: 'rules/pinned.json', absolutePath: '/rules/pinned.json' })];
    const compiled = evaluateDeployment(document, deployment, rules, undefined).findings.length > 0;
    const engine = (await createEngineEvaluator(rules, undefined)(document, deployment)).findings.length > 0;
    return { compiled, engine };
  };

  it('`any: []` holds in json-rules-engine and not in the compiled conditions; the rule schema requires at least one condition', async () => {
    const file = rule({ any: [] });
    expect(await both(file)).toEqual({ compiled: false, engine: true });
    expect(validators.rule(file)).toBe(false);
    expect(JSON.stringify(validators.rule.errors)).toContain('minItems');
    // all: [] holds in both, and is refused the same way.
    expect(await both(rule({ all: [] }))).toEqual({ compiled: true, engine: true });
    expect(validators.rule(rule({ all: [] }))).toBe(false);
  });

  it('a path into a fact that is not an object gives the fact itself in json-rules-engine; the load-time check refuses the path', async () => {
    const file = rule({ all: [{ fact: 'kind', path: '$.anything', operator: 'equal', value: 'Deployment' }] });
    expect(validators.rule(file)).toBe(true);
    expect(await both(file)).toEqual({ compiled: false, engine: true });
    expect(checkRule(file).map((issue) => issue.message)).toEqual(['"kind.anything" is not a field of the deployment or of fact "kind"']);
  });
});
