// Seeded generator of realistic accord deployment manifests (schemas/deployment.schema.json).
//
// Every manifest is schema-valid. About 30% (VIOLATING_SHARE) break exactly one of the nine rules
// of the bundled pack (rules/*.json), chosen uniformly; the rest pass every rule when checked with
// the approvals registry written by writeApprovals() (`--approvals approvals.yaml`).
//
// Run it alone to see what it makes:  node bench/corpus.mjs [seed] [count]
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { stringify as yamlStringify } from 'yaml';

export const DEFAULT_SEED = 20260601;
export const VIOLATING_SHARE = 0.3;

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The nine rules of the bundled pack, in the order violations are picked. */
export const RULE_IDS = [
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

/** The approvals registry the corpora are checked with. */
export const APPROVALS = [
  { reference: 'MSFT-CAP-2026-001', grantedOn: '2026-01-01', expiresOn: '2030-12-31', providers: ['oracle', 'softbank', 'openai', 'coreweave'], workloads: ['training', 'research'], maxGpus: 400000 },
  { reference: 'MSFT-CAP-2026-002', grantedOn: '2026-01-01', providers: ['aws', 'gcp'], workloads: ['research'], maxGpus: 16000 },
  { reference: 'MSFT-CAP-2027-003', grantedOn: '2027-01-01', providers: ['oracle', 'softbank', 'openai', 'coreweave', 'aws', 'gcp', 'other'], workloads: ['training', 'research'], maxGpus: 200000 },
];

const OFF_AZURE = ['oracle', 'softbank', 'aws', 'gcp', 'coreweave', 'openai', 'other'];
const REGIONS = {
  azure: ['eastus', 'eastus2', 'westus3', 'northeurope', 'swedencentral', 'japaneast', 'uksouth', 'australiaeast'],
  oracle: ['abilene-tx', 'us-ashburn-1', 'us-phoenix-1', 'uk-london-1'],
  softbank: ['tokyo', 'osaka', 'sakai'],
  aws: ['us-east-1', 'us-west-2', 'eu-west-1'],
  gcp: ['us-central1', 'europe-west4', 'asia-northeast1'],
  coreweave: ['plano-tx', 'las-vegas-nv', 'chester-uk'],
  openai: ['milam-county-tx', 'shackelford-tx', 'lordstown-oh', 'dona-ana-nm'],
  other: ['colo-1', 'colo-2'],
};
const TEAMS = ['research-infra', 'inference', 'api-platform', 'chatgpt', 'sora', 'evals', 'infra-tools', 'safety', 'data-platform', 'codex'];
const PRODUCTS = ['chat', 'images', 'voice', 'agents', 'search', 'codex', 'sora', 'embeddings', 'batch', 'realtime'];

function makeRandom(rng) {
  const r = {
    float: rng,
    int: (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(rng() * list.length)],
    chance: (p) => rng() < p,
    weighted(pairs) {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let x = rng() * total;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    /** A calendar date between two years (inclusive), YYYY-MM-DD. */
    date(fromYear, toYear) {
      const y = r.int(fromYear, toYear);
      const m = r.int(1, 12);
      const d = r.int(1, 28);
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    },
  };
  return r;
}

function daysBefore(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function gpusFor(r, workload) {
  switch (workload) {
    case 'training': return r.pick([8192, 16384, 32768, 50000, 100000, 150000]);
    case 'research': return r.pick([512, 1024, 2048, 4096, 8000, 12000]);
    case 'api': return r.pick([2048, 4096, 8192, 16384]);
    case 'product': return r.pick([1024, 2048, 4096, 8192]);
    default: return r.pick([64, 128, 256, 512]);
  }
}

/** A valid deployment (passes every rule with APPROVALS), with the shape `shape` asks for. */
function baseDeployment(r, index, shape = {}) {
  const workload = shape.workload ?? r.weighted([['api', 18], ['product', 17], ['training', 25], ['research', 25], ['internal', 15]]);
  const mustBeAzure = workload === 'api' || workload === 'product';
  const provider = shape.provider ?? (mustBeAzure ? 'azure' : r.chance(0.45) ? 'azure' : r.pick(OFF_AZURE));
  const region = r.pick(REGIONS[provider]);
  const team = r.pick(TEAMS);
  const date = shape.date ?? r.date(provider === 'azure' ? 2026 : 2027, 2030);
  const product = r.pick(PRODUCTS);
  const base = workload === 'api' || workload === 'product' ? product : workload;
  const name = `${base}-${provider}-${region}`.slice(0, 48).replace(/-+$/, '') + `-${index.toString(36)}`;

  const metadata = { name, date, owner: team };
  if (r.chance(0.6)) {
    metadata.labels = { team, tier: r.pick(['prod', 'staging', 'canary']), 'cost-center': `cc-${r.int(1000, 9999)}` };
    if (r.chance(0.3)) metadata.labels.program = r.pick(['stargate', 'fairwater', 'core']);
  }
  if (r.chance(0.25)) {
    metadata.annotations = { ticket: `INFRA-${r.int(10000, 99999)}`, 'change-reason': r.pick(['capacity expansion', 'region failover', 'new model launch', 'cost rebalancing']) };
  }

  const gpus = shape.gpus ?? gpusFor(r, workload);
  const capacityKind = shape.capacityKind ?? (r.chance(0.4) ? 'new' : 'existing');
  const spec = { workload, provider, region, capacity: { kind: capacityKind, gpus } };
  if (gpus >= 8192 && r.chance(0.7)) spec.capacity.megawatts = Math.round(gpus * 0.0012 * 10) / 10;

  if (workload === 'api' || workload === 'product') {
    const count = workload === 'api' ? r.int(1, 3) : r.int(0, 2);
    if (count > 0) {
      spec.endpoints = [];
      for (let i = 0; i < count; i++) {
        spec.endpoints.push({ url: `https://${product}-${i}.${region}.api.example.com/v1`, hostedOn: 'azure', ...(r.chance(0.5) ? { public: r.chance(0.7) } : {}) });
      }
    }
    spec.revenueShare = { metered: true };
  }

  if (provider !== 'azure' && capacityKind === 'new') {
    spec.rofr = { reference: `ROFR-${date.slice(0, 4)}-${String(r.int(1, 999)).padStart(3, '0')}`, offeredOn: daysBefore(date, r.int(0, 180)), decision: 'declined' };
  }
  if (provider !== 'azure' && (workload === 'training' || workload === 'research')) {
    spec.approval = { reference: coveringApproval(provider, workload, date, gpus) };
  } else if (provider === 'azure' && r.chance(0.05)) {
    spec.approval = { reference: 'MSFT-CAP-2026-001' }; // cited but irrelevant on Azure
  }
  if (r.chance(0.7)) spec.ipAccess = { microsoft: true };
  return { apiVersion: 'accord/v1', kind: 'Deployment', metadata, spec };
}

/** An approval in APPROVALS that covers this deployment (the generator keeps dates and GPUs in range). */
function coveringApproval(provider, workload, date, gpus) {
  for (const a of APPROVALS) {
    if (date < a.grantedOn || (a.expiresOn && date > a.expiresOn)) continue;
    if (!a.providers.includes(provider) || !a.workloads.includes(workload)) continue;
    if (a.maxGpus !== undefined && gpus > a.maxGpus) continue;
    return a.reference;
  }
  throw new Error(`corpus: no approval covers ${provider}/${workload}/${date}/${gpus}`);
}

/** A deployment that breaks `rule` (and only it). */
function violating(r, index, rule) {
  switch (rule) {
    case 'api-endpoint-off-azure': {
      const d = baseDeployment(r, index, { workload: 'api', provider: 'azure' });
      if (!d.spec.endpoints) d.spec.endpoints = [{ url: `https://x-0.${d.spec.region}.api.example.com/v1`, hostedOn: 'azure' }];
      d.spec.endpoints[r.int(0, d.spec.endpoints.length - 1)].hostedOn = r.pick(OFF_AZURE);
      return d;
    }
    case 'api-exclusive-to-azure':
      return baseDeployment(r, index, { workload: 'api', provider: r.pick(OFF_AZURE), capacityKind: 'existing' });
    case 'approval-out-of-scope': {
      const provider = r.pick(['oracle', 'softbank', 'openai', 'coreweave']);
      const d = baseDeployment(r, index, { workload: r.pick(['training', 'research']), provider, date: r.date(2027, 2030) });
      const how = r.int(0, 2);
      if (how === 0) d.spec.approval.reference = 'MSFT-CAP-2026-002'; // provider and perhaps workload not listed
      else if (how === 1) {
        d.spec.capacity.gpus = 250000; // over MSFT-CAP-2027-003's maxGpus
        d.spec.approval.reference = 'MSFT-CAP-2027-003';
      } else {
        d.metadata.date = r.date(2026, 2026); // before MSFT-CAP-2027-003 was granted
        if (d.spec.rofr) d.spec.rofr.offeredOn = daysBefore(d.metadata.date, 30);
        d.spec.approval.reference = 'MSFT-CAP-2027-003';
      }
      return d;
    }
    case 'capacity-without-approval': {
      const d = baseDeployment(r, index, { workload: r.pick(['training', 'research']), provider: r.pick(OFF_AZURE) });
      if (r.chance(0.5)) delete d.spec.approval;
      else d.spec.approval.reference = `MSFT-CAP-2099-${r.int(100, 999)}`; // not in the registry
      return d;
    }
    case 'microsoft-ip-access-withheld': {
      const d = baseDeployment(r, index);
      d.spec.ipAccess = { microsoft: false };
      return d;
    }
    case 'product-capacity-off-azure':
      return baseDeployment(r, index, { workload: 'product', provider: r.pick(OFF_AZURE), capacityKind: 'existing' });
    case 'revenue-share-unmetered': {
      const d = baseDeployment(r, index, { workload: r.pick(['api', 'product']), provider: 'azure' });
      if (r.chance(0.5)) delete d.spec.revenueShare;
      else d.spec.revenueShare.metered = false;
      return d;
    }
    case 'rofr-exercised-by-microsoft': {
      const d = baseDeployment(r, index, { workload: r.pick(['training', 'research', 'internal']), provider: r.pick(OFF_AZURE), capacityKind: 'existing' });
      d.spec.rofr = { reference: `ROFR-${d.metadata.date.slice(0, 4)}-${String(r.int(1, 999)).padStart(3, '0')}`, offeredOn: daysBefore(d.metadata.date, 60), decision: 'accepted' };
      return d;
    }
    case 'rofr-required-for-new-capacity': {
      const d = baseDeployment(r, index, { workload: r.pick(['training', 'research', 'internal']), provider: r.pick(OFF_AZURE), capacityKind: 'new' });
      const how = r.int(0, 2);
      if (how === 0) delete d.spec.rofr;
      else if (how === 1) d.spec.rofr.decision = 'pending';
      else d.spec.rofr.offeredOn = '2031-01-15'; // offered after go-live
      return d;
    }
    default:
      throw new Error(`corpus: unknown rule ${rule}`);
  }
}

/**
 * A deterministic stream of deployments. `violatingShare` of them break one rule each;
 * `next()` returns { deployment, rule } with rule undefined for a passing one.
 */
export function createGenerator(seed = DEFAULT_SEED, { violatingShare = VIOLATING_SHARE } = {}) {
  const r = makeRandom(mulberry32(seed));
  let index = 0;
  return {
    next() {
      const i = index++;
      if (r.chance(violatingShare)) {
        const rule = r.pick(RULE_IDS);
        return { deployment: violating(r, i, rule), rule };
      }
      return { deployment: baseDeployment(r, i), rule: undefined };
    },
  };
}

export function generate(seed, count, options) {
  const g = createGenerator(seed, options);
  return Array.from({ length: count }, () => g.next());
}

/** A fresh temporary folder under os.tmpdir(); remove it with removeCorpusDir. */
export function createCorpusDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
}

export function removeCorpusDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export function writeApprovals(dir) {
  const file = path.join(dir, 'approvals.yaml');
  writeFileSync(file, `# Capacity approvals for the benchmark corpora\n${yamlStringify({ approvals: APPROVALS })}`);
  return file;
}

/** Writes `count` one-deployment files into `dir`/`sub`, spread over team folders. Returns stats. */
export function writeFiles(dir, sub, count, seed, format) {
  const root = path.join(dir, sub);
  const g = createGenerator(seed);
  const byRule = {};
  let violatingCount = 0;
  let bytes = 0;
  const made = new Set();
  for (let i = 0; i < count; i++) {
    const { deployment, rule } = g.next();
    if (rule) {
      violatingCount++;
      byRule[rule] = (byRule[rule] ?? 0) + 1;
    }
    const folder = path.join(root, deployment.metadata.owner ?? 'misc');
    if (!made.has(folder)) {
      mkdirp(folder);
      made.add(folder);
    }
    const text = format === 'json'
      ? `${JSON.stringify(deployment, null, 2)}\n`
      : `# ${deployment.spec.workload} capacity for ${deployment.metadata.owner}\n${yamlStringify(deployment)}`;
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(folder, `${deployment.metadata.name}.${format === 'json' ? 'json' : 'yaml'}`), text);
  }
  return { dir: root, files: count, deployments: count, violating: violatingCount, byRule, bytes };
}

/** Writes one violating YAML manifest (api-exclusive-to-azure, an error) for the cold-start run. */
export function writeOneViolating(dir, seed) {
  const r = makeRandom(mulberry32(seed ^ 0x5eed));
  const deployment = violating(r, 0, 'api-exclusive-to-azure');
  const file = path.join(dir, 'one.yaml');
  writeFileSync(file, `# A pre-commit-sized change: one manifest\n${yamlStringify(deployment)}`);
  return { file, rule: 'api-exclusive-to-azure' };
}

/** Streams a JSONL inventory of `lines` deployments, none violating (violatingShare 0). */
export async function writeJsonl(file, lines, seed) {
  const g = createGenerator(seed, { violatingShare: 0 });
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let batch = [];
  for (let i = 0; i < lines; i++) {
    batch.push(JSON.stringify(g.next().deployment));
    if (batch.length === 2000 || i === lines - 1) {
      const chunk = `${batch.join('\n')}\n`;
      bytes += Buffer.byteLength(chunk);
      batch = [];
      if (!out.write(chunk)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return { file, lines, bytes };
}

function mkdirp(dir) {
  mkdirSync(dir, { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seed = Number(process.argv[2] ?? DEFAULT_SEED);
  const count = Number(process.argv[3] ?? 3);
  console.error(`seed ${seed}`);
  for (const { deployment, rule } of generate(seed, count)) {
    console.log(`# ${rule ? `violates ${rule}` : 'passes'}`);
    console.log(yamlStringify(deployment));
  }
}
