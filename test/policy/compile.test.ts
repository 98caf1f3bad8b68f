// The compiled conditions (src/policy/compile.ts) are the one fast path of rule evaluation; their
// agreement with json-rules-engine is the differential tests' (test/properties/). Here: a path
// reads own properties only, so a polluted Object.prototype changes no verdict.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/policy/load-rules.js';
import type { LoadedRule } from '../../src/policy/loaded-rule.js';

const repo = path.resolve(import.meta.dirname, '../..');
let bundled: LoadedRule[];

beforeAll(async () => {
  const loaded = await loadRules([path.join(repo, 'rules')], repo);
  expect(loaded.problems).toEqual([]);
  bundled = loaded.rules;
});

describe('compiled conditions', () => {
  it('read own properties only: an inherited field changes nothing', () => {
    // Values that would flip the rules if they were read through the prototype.
    const inherited = { workload: 'api', provider: 'azure', hostedOn: 'azure', kind: 'new', decision: 'accepted', metered: true, microsoft: false, status: 'out-of-scope' };
    const variants = [
      { metadata: { date: '2027-01-01' }, spec: { endpoints: [{}], capacity: {}, rofr: {}, revenueShare: {}, ipAccess: {} }, approval: {} },
      { metadata: { date: '2027-01-01' }, spec: { workload: 'api', provider: 'aws', endpoints: [{ url: 'x' }], capacity: { gpus: 1 }, rofr: { offeredOn: '2027-02-01' } }, approval: { reference: 'r' } },
      { metadata: {}, spec: { workload: 'product', endpoints: [] }, approval: { status: 'covers' } },
    ];
    const results = () => variants.flatMap((facts) => bundled.map((rule) => `${rule.id}: ${rule.compiled.test(facts, rule.compiled.each ? (facts.spec.endpoints as unknown[])[0] : undefined)}`));
    const clean = results();
    expect(clean.filter((r) => r.endsWith('true')).length).toBeGreaterThan(0);
    const proto = Object.prototype as Record<string, unknown>;
    let polluted: string[];
    try {
      Object.assign(proto, inherited);
      polluted = results();
    } finally {
      for (const key of Object.keys(inherited)) delete proto[key];
    }
    expect(polluted).toEqual(clean);
  });
});
