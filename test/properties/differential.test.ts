// Differential properties (issue 5): on generated valid deployments, (1) the findings of
// policy.check equal those of the plain-TypeScript reference of the nine contract rules
// (test/support/reference-rules.ts), with a registry and without; (2) the compiled evaluator's
// findings equal json-rules-engine's (Engine.run) field for field, evidence and messages included.
// Every rule must fire over the run, so neither comparison is vacuous.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, type Finding, type Policy } from '../../src/index.js';
import { approvalsDocument, referenceRegistry, registryArbitrary, validDeployment } from '../support/arbitraries.js';
import { compareFindings, referenceFindings, type ApprovalEntry, type ReferenceFinding } from '../support/reference-rules.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { expectNoPollution, replay, runs } from './seed.js';

const RULES = [
  'api-endpoint-off-azure',
  'api-exclusive-to-azure',
  'approval-out-of-scope',
  'capacity-without-approval',
  'microsoft-ip-access-withheld',
  'product-capacity-off-azure',
  'revenue-share-unmetered',
  'rofr-exercised-by-microsoft',
  'rofr-required-for-new-capacity',
];

const DEPLOYMENTS = 10_000;

const essence = (findings: readonly Finding[]): ReferenceFinding[] => findings.map((f) => ({ rule: f.rule, path: f.path })).sort(compareFindings);

/** How often each rule fired: the proof that a comparison was not vacuous. */
class Coverage {
  readonly fired = new Map<string, number>(RULES.map((r) => [r, 0]));
  add(findings: readonly { rule: string }[]): void {
    for (const f of findings) this.fired.set(f.rule, (this.fired.get(f.rule) ?? 0) + 1);
  }
  expectEveryRule(atLeast = 1): void {
    const rare = [...this.fired].filter(([, n]) => n < atLeast);
    expect(rare, `rules that fired fewer than ${atLeast} times (${replay}): the comparison says little about them`).toEqual([]);
    expect([...this.fired.keys()].sort()).toEqual(RULES);
  }
}

let tmp: TempDir;
const policies: Record<'none' | 'reference', { compiled: Policy; engine: Policy }> = {} as never;

async function writeRegistry(name: string, registry: readonly ApprovalEntry[]): Promise<string> {
  return tmp.write(name, JSON.stringify(approvalsDocument(registry)));
}

beforeAll(async () => {
  tmp = await makeTempDir('accord-differential-');
  const approvals = await writeRegistry('reference.json', referenceRegistry);
  for (const [key, options] of [['none', {}], ['reference', { approvals }]] as const) {
    policies[key] = {
      compiled: await loadPolicy(options),
      engine: await loadPolicy({ ...options, evaluator: 'json-rules-engine' }),
    };
  }
  // approval-total-exceeded reads the capacity ledger, which policy.check (one deployment) never has:
  // test/properties/ledger-differential.test.ts holds it to a reference of its own.
  expect(policies.none.compiled.rules.map((r) => r.id)).toEqual([...RULES, 'approval-total-exceeded'].sort());
});

afterAll(() => tmp.cleanup());

describe('differential: policy.check against the plain-TypeScript reference', () => {
  it(`agrees on ${DEPLOYMENTS} generated deployments, with the reference registry and without one`, async () => {
    const coverage = new Coverage();
    await fc.assert(
      fc.asyncProperty(validDeployment(referenceRegistry), async (deployment) => {
        const withRegistry = await policies.reference.compiled.check(deployment);
        const without = await policies.none.compiled.check(deployment);
        expect(essence(withRegistry), `with the registry (${replay})`).toEqual(referenceFindings(deployment, referenceRegistry));
        expect(essence(without), `without a registry (${replay})`).toEqual(referenceFindings(deployment, undefined));
        coverage.add(withRegistry);
        coverage.add(without);
        expectNoPollution();
      }),
      runs(DEPLOYMENTS),
    );
    coverage.expectEveryRule(50);
  });

  it('agrees on random registries (120 registries × 25 deployments each)', async () => {
    const coverage = new Coverage();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        registryArbitrary.chain((registry) => fc.tuple(fc.constant(registry), fc.array(validDeployment(registry), { minLength: 25, maxLength: 25 }))),
        async ([registry, deployments]) => {
          const policy = await loadPolicy({ approvals: await writeRegistry(`registry-${n++}.json`, registry) });
          for (const deployment of deployments) {
            const findings = await policy.check(deployment);
            expect(essence(findings), `registry ${JSON.stringify(registry)} (${replay})`).toEqual(referenceFindings(deployment, registry));
            coverage.add(findings);
          }
          expectNoPollution();
        },
      ),
      runs(120),
    );
    expect(coverage.fired.get('approval-out-of-scope')).toBeGreaterThan(0);
    expect(coverage.fired.get('capacity-without-approval')).toBeGreaterThan(0);
  });
});

describe('differential: the compiled evaluator against json-rules-engine (Engine.run)', () => {
  it(`gives identical findings, every field, on ${DEPLOYMENTS} generated deployments`, async () => {
    const coverage = new Coverage();
    await fc.assert(
      fc.asyncProperty(validDeployment(referenceRegistry), fc.boolean(), async (deployment, withRegistry) => {
        const pair = withRegistry ? policies.reference : policies.none;
        const compiled = await pair.compiled.check(deployment);
        const engine = await pair.engine.check(deployment);
        expect(compiled, `compiled vs json-rules-engine, ${withRegistry ? 'with' : 'without'} the registry (${replay})`).toEqual(engine);
        coverage.add(compiled);
        expectNoPollution();
      }),
      runs(DEPLOYMENTS),
    );
    coverage.expectEveryRule(50);
  });
});
