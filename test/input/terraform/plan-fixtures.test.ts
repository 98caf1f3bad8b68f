import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import { validate } from '../../../src/schema/validate.js';
import { validators } from '../../../src/schema/validators.js';
import { plan } from '../../support/terraform-plan.js';
import { fixtures } from './plan-fixtures.js';

const folder = fileURLToPath(new URL('../../../fixtures/terraform/plans/', import.meta.url));
const update = process.env.ACCORD_UPDATE_FIXTURES === '1';

function text(f: (typeof fixtures)[number]): string {
  const value = plan(f.plan);
  return f.oneLine ? `${JSON.stringify(value)}\n` : `${JSON.stringify(value, null, 2)}\n`;
}

describe('the written plans (fixtures/terraform/plans)', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s.json is the plan its catalog entry builds', (name, f) => {
    const file = `${folder}${name}.json`;
    if (update) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, text(f));
    }
    expect(existsSync(file), `${file} is missing: run with ACCORD_UPDATE_FIXTURES=1`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(text(f));
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s derives what it says', (name, f) => {
    const result = deploymentsFromPlan(JSON.parse(readFileSync(`${folder}${name}.json`, 'utf8')), { file: `${name}.json` });
    const derived = Object.fromEntries(
      result.deployments.map((d) => {
        const spec = d.manifest.spec as { capacity: { gpus: number; kind: string }; provider: string };
        return [d.name, { gpus: spec.capacity.gpus, kind: spec.capacity.kind, provider: spec.provider, members: d.members }];
      }),
    );
    expect(derived).toEqual(f.deployments ?? {});
    expect(result.problems.map((p) => `${p.code} ${p.resource ?? ''}`)).toEqual(f.problems ?? []);
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(40);
    // Facts are complete in every fixture that derives a deployment: the manifest schema accepts it.
    for (const d of result.deployments) expect(validate(validators.deployment, d.manifest)).toEqual([]);
  });

  it('covers every compute type of the table and every problem code a plan file can have', async () => {
    const { computeTypes } = await import('../../../src/input/terraform/compute-types.js');
    const written = JSON.stringify(fixtures.map((f) => f.plan));
    for (const type of Object.keys(computeTypes)) expect(written, type).toContain(`"type":"${type}"`);
    const codes = new Set(fixtures.flatMap((f) => (f.problems ?? []).map((p) => p.split(' ')[0])));
    for (const code of ['TF_UNSUPPORTED_FORMAT', 'TF_PLAN_ERRORED', 'TF_UNKNOWN_VALUE', 'TF_UNKNOWN_SKU', 'TF_UNRESOLVED_REFERENCE', 'TF_MISSING_FACT', 'TF_INVALID_FACT', 'TF_UNKNOWN_TAG', 'TF_CONFLICTING_FACTS', 'TF_DEFERRED']) {
      expect([...codes]).toContain(code);
    }
  });
});
