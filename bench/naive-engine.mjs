// The baseline of scenario 5: json-rules-engine used the straightforward way, on the same rule files.
//
// - A NEW Engine for every deployment (nothing cached between deployments), default options:
//   default path resolution (jsonpath-plus), default operators.
// - Every rule of rules/*.json added as-is: { name: id, conditions, event: { type: id } }.
// - The custom operators `exists`, `dateAfter`, `dateBefore` with the semantics of
//   src/policy/operators.ts.
// - Facts: apiVersion, kind, metadata, spec, plus `approval` precomputed as in src/policy/approvals.ts.
// - json-rules-engine has no "for each element" construct, so a rule with `each`
//   (api-endpoint-off-azure, each: spec.endpoints) goes into its own new Engine that is run once per
//   element with the fact `item` set: the same findings accord reports, no extra rule evaluations.
// - Rule `effective` windows are not applied (the corpus only has dates inside every window).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Engine } from 'json-rules-engine';

const isDate = (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const customOperators = {
  exists: (a, b) => (a !== undefined) === b,
  dateAfter: (a, b) => isDate(a) && isDate(b) && a > b,
  dateBefore: (a, b) => isDate(a) && isDate(b) && a < b,
};

export function loadRuleFiles(rulesDir) {
  return readdirSync(rulesDir)
    .filter((f) => f.endsWith('.json') && f !== 'pack.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(rulesDir, f), 'utf8')));
}

/** The derived fact `approval`, as src/policy/approvals.ts deriveApproval computes it. */
export function deriveApproval(deployment, registry) {
  const { metadata, spec } = deployment;
  const ref = spec.approval?.reference;
  const reference = ref ?? '';
  if (ref === undefined) return { status: 'absent', reference, problem: 'no approval reference' };
  if (!registry) return { status: 'unverified', reference, problem: '' };
  const approval = registry.get(ref);
  if (!approval) return { status: 'unregistered', reference, problem: `approval ${reference} is not in the approvals registry` };
  const reasons = [];
  if (metadata.date < approval.grantedOn) reasons.push(`not granted until ${approval.grantedOn}`);
  if (approval.expiresOn !== undefined && metadata.date > approval.expiresOn) reasons.push(`expired on ${approval.expiresOn}`);
  if (!approval.providers.includes(spec.provider)) reasons.push(`does not list provider ${spec.provider} (it covers ${approval.providers.join(', ')})`);
  if (!approval.workloads.includes(spec.workload)) reasons.push(`does not list workload ${spec.workload} (it covers ${approval.workloads.join(', ')})`);
  if (approval.maxGpus !== undefined && spec.capacity.gpus > approval.maxGpus) reasons.push(`${spec.capacity.gpus} GPUs exceed its maxGpus of ${approval.maxGpus}`);
  if (reasons.length === 0) return { status: 'covers', reference, problem: '' };
  return { status: 'out-of-scope', reference, problem: `approval ${reference}: ${reasons.join('; ')}` };
}

function newEngine(rules) {
  const engine = new Engine();
  for (const [name, fn] of Object.entries(customOperators)) engine.addOperator(name, fn);
  for (const rule of rules) engine.addRule({ name: rule.id, conditions: rule.conditions, event: { type: rule.id } });
  return engine;
}

/**
 * Returns check(deployment) → Promise<{ rule, index }[]>: the rules that fired (index: the element
 * of an `each` rule). `approvals` is the registry's list (or undefined: approvals not verified).
 */
export function createNaiveChecker({ rulesDir, approvals }) {
  const all = loadRuleFiles(rulesDir);
  const plain = all.filter((r) => r.each === undefined);
  const eachRules = all.filter((r) => r.each !== undefined);
  const eachPaths = [...new Set(eachRules.map((r) => r.each))];
  const registry = approvals ? new Map(approvals.map((a) => [a.reference, a])) : undefined;

  return async function check(deployment) {
    const facts = {
      apiVersion: deployment.apiVersion,
      kind: deployment.kind,
      metadata: deployment.metadata,
      spec: deployment.spec,
      approval: deriveApproval(deployment, registry),
    };
    const hits = [];
    const { events } = await newEngine(plain).run(facts);
    for (const e of events) hits.push({ rule: e.type, index: undefined });
    for (const each of eachPaths) {
      let list = facts;
      for (const key of each.split('.')) list = list?.[key];
      if (!Array.isArray(list) || list.length === 0) continue;
      const engine = newEngine(eachRules.filter((r) => r.each === each));
      for (let index = 0; index < list.length; index++) {
        const result = await engine.run({ ...facts, item: list[index] });
        for (const e of result.events) hits.push({ rule: e.type, index });
      }
    }
    return hits;
  };
}
