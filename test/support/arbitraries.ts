// fast-check arbitraries for the property tests (issue 5): schema-valid deployments that reach
// every branch of every partnership rule, and approvals registries to check them against.
//
// Every value is a fresh plain object (no null prototypes, no keys holding `undefined`), so it
// can be handed to the library as is, serialised to JSON/YAML, or fed to referenceFindings().

import fc from 'fast-check';
import {
  PROVIDERS,
  THROUGH_2030,
  WORKLOADS,
  type ApprovalEntry,
  type Deployment,
  type Endpoint,
  type Provider,
  type Workload,
} from './reference-rules.js';

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The YYYY-MM-DD date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

const FIRST_DAY = dayNumber('2024-01-01');
const LAST_DAY = dayNumber('2034-12-31');

// ---------------------------------------------------------------- registries

/**
 * The fixed registry of the differential test. The same approvals as fixtures/rules/approvals.yaml:
 * a bounded, capped approval; an open-ended uncapped one; an expired one; one not granted until 2028.
 */
export const referenceRegistry: readonly ApprovalEntry[] = Object.freeze([
  {
    reference: 'MSFT-CAP-2026-001',
    grantedOn: '2026-01-15',
    expiresOn: '2029-12-31',
    providers: ['oracle', 'softbank', 'openai'],
    workloads: ['training', 'research'],
    maxGpus: 400000,
    note: 'Stargate first phase: research and training capacity with Oracle, SoftBank and lab-owned sites.',
  },
  {
    reference: 'MSFT-CAP-2026-002',
    grantedOn: '2026-06-01',
    providers: ['coreweave', 'gcp', 'aws'],
    workloads: ['research'],
    note: 'Open-ended research capacity: no expiry and no GPU cap.',
  },
  {
    reference: 'MSFT-CAP-2024-007',
    grantedOn: '2024-03-01',
    expiresOn: '2026-02-28',
    providers: ['coreweave'],
    workloads: ['training', 'research'],
    maxGpus: 50000,
    note: 'Bridge capacity before the first phase; expired.',
  },
  {
    reference: 'MSFT-CAP-2028-003',
    grantedOn: '2028-01-01',
    expiresOn: '2031-12-31',
    providers: ['oracle', 'softbank', 'openai', 'other'],
    workloads: ['training', 'research', 'internal'],
    maxGpus: 1000000,
    note: 'Stargate second phase: not granted until 2028-01-01.',
  },
] satisfies ApprovalEntry[]);

/** A fresh, mutable copy of referenceRegistry. */
export function referenceRegistryCopy(): ApprovalEntry[] {
  return referenceRegistry.map((e) => ({ ...e, providers: [...e.providers], workloads: [...e.workloads] }));
}

/** The document an approvals file holds (schemas/approvals.schema.json), for writing to disk. */
export function approvalsDocument(registry: readonly ApprovalEntry[]): { approvals: ApprovalEntry[] } {
  return { approvals: registry.map((e) => ({ ...e, providers: [...e.providers], workloads: [...e.workloads] })) };
}

/** References a random registry draws from (and a deployment may cite). */
export const REGISTRY_REFERENCE_POOL: readonly string[] = [
  ...referenceRegistry.map((e) => e.reference),
  'MSFT-CAP-2027-010',
  'MSFT-CAP-2029-020',
  'cap.approval_7',
];

/** References that no registry built here ever contains. */
export const UNREGISTERED_REFERENCES: readonly string[] = ['MSFT-CAP-2099-999', 'NOT-IN-REGISTRY-1'];

const maxGpusArb = fc.oneof(
  fc.constantFrom(0, 1, 50000, 400000, 1000000),
  fc.integer({ min: 0, max: 2_000_000 }),
);

const approvalEntryArb: fc.Arbitrary<ApprovalEntry> = fc
  .tuple(
    fc.constantFrom(...REGISTRY_REFERENCE_POOL),
    fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    // validity in days (expiresOn - grantedOn), never negative: an approval that expires before it
    // is granted is rejected as a malformed registry, not checked against. 0 = a one-day approval.
    fc.option(fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 2500 })), { nil: undefined }),
    fc.uniqueArray(fc.constantFrom(...PROVIDERS), { minLength: 1, maxLength: PROVIDERS.length }),
    fc.uniqueArray(fc.constantFrom(...WORKLOADS), { minLength: 1, maxLength: WORKLOADS.length }),
    fc.option(maxGpusArb, { nil: undefined }),
    fc.boolean(),
  )
  .map(([reference, granted, validity, providers, workloads, maxGpus, withNote]) => {
    const entry: ApprovalEntry = { reference, grantedOn: dateOf(granted), providers, workloads };
    if (validity !== undefined) entry.expiresOn = dateOf(granted + validity);
    if (maxGpus !== undefined) entry.maxGpus = maxGpus;
    if (withNote) entry.note = 'generated approval';
    return entry;
  });

/** Random schema-valid registries (0-6 approvals, unique references drawn from REGISTRY_REFERENCE_POOL). */
export const registryArbitrary: fc.Arbitrary<ApprovalEntry[]> = fc.uniqueArray(approvalEntryArb, {
  selector: (e) => e.reference,
  minLength: 0,
  maxLength: 6,
});

// ---------------------------------------------------------------- deployments

/** Dates where some rule's outcome flips: the 2030 window's end and every approval's window ends. */
export function boundaryDates(registry: readonly ApprovalEntry[]): string[] {
  const dates = new Set<string>([addDays(THROUGH_2030, -1), THROUGH_2030, addDays(THROUGH_2030, 1)]);
  for (const e of registry) {
    dates.add(addDays(e.grantedOn, -1));
    dates.add(e.grantedOn);
    if (e.expiresOn !== undefined) {
      dates.add(e.expiresOn);
      dates.add(addDays(e.expiresOn, 1));
    }
  }
  return [...dates].sort();
}

/** GPU counts where approval-out-of-scope flips: each maxGpus, one below and one above. */
export function boundaryGpus(registry: readonly ApprovalEntry[]): number[] {
  const gpus = new Set<number>([0, 1]);
  for (const e of registry) {
    if (e.maxGpus === undefined) continue;
    if (e.maxGpus > 0) gpus.add(e.maxGpus - 1);
    gpus.add(e.maxGpus);
    gpus.add(e.maxGpus + 1);
  }
  return [...gpus].sort((a, b) => a - b);
}

/** Azure comes up about half the time, so both sides of every `provider is not azure` are common. */
const providerArb: fc.Arbitrary<Provider> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Provider>('azure') },
  { weight: 4, arbitrary: fc.constantFrom(...PROVIDERS) },
);

const endpointArb: fc.Arbitrary<Endpoint> = fc
  .tuple(
    fc.constantFrom(
      'https://api.openai.com',
      'https://eastus.api.openai.azure.com',
      'https://edge.api.openai.com',
      'https://batch.example.net',
    ),
    fc.constantFrom('', '/v1', '/v1/chat/completions'),
    providerArb,
    fc.option(fc.boolean(), { nil: undefined }),
  )
  .map(([host, path, hostedOn, isPublic]) => {
    const endpoint: Endpoint = { url: host + path, hostedOn };
    if (isPublic !== undefined) endpoint.public = isPublic;
    return endpoint;
  });

type Decision = 'declined' | 'accepted' | 'pending';

/** A raw ROFR record: offeredOn is given relative to the go-live date (days; negative = before). */
const rofrArb = fc.tuple(
  fc.constantFrom('ROFR-2026-014', 'ROFR-2027-002', 'rofr.x_1'),
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(-1, 0, 1) },
    { weight: 3, arbitrary: fc.integer({ min: -730, max: 730 }) },
  ),
  fc.constantFrom<Decision>('declined', 'declined', 'accepted', 'pending'),
);

const metadataExtrasArb = fc.tuple(
  fc.option(fc.constantFrom('platform-team', 'research-infra', 'chat-product', 'partnership-office'), { nil: undefined }),
  fc.option(fc.constantFrom('api', 'research', 'product', 'infra'), { nil: undefined }),
  fc.option(fc.constantFrom('ticket', 'runbook'), { nil: undefined }),
);

/** With the deployment's approval in the registry: which of its dimensions to bring inside the approval. */
const alignArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        provider: fc.boolean(),
        workload: fc.boolean(),
        date: fc.constantFrom<'no' | 'start' | 'end' | 'inside'>('no', 'start', 'end', 'inside'),
        gpus: fc.constantFrom<'no' | 'max' | 'below'>('no', 'max', 'below'),
        pick: fc.nat(),
      },
      { noNullPrototype: true },
    ),
  },
);

/**
 * Schema-valid deployments that exercise every branch of every rule: all providers and workloads,
 * both capacity kinds, each optional block present and absent, every ROFR decision with offeredOn
 * before, on and after go-live, dates on both sides of 2030-12-31 and of the registry's approval
 * windows, GPU counts around maxGpus, 0-4 endpoints with mixed hosts, registered/unregistered/absent
 * approval references. About half the cited registered approvals are pulled (partly) into scope so
 * that `covers` and single-reason `out-of-scope` cases are both common.
 *
 * `registry` steers the boundary dates, GPU counts and cited references; by default referenceRegistry.
 */
export function validDeployment(registry: readonly ApprovalEntry[] = referenceRegistry): fc.Arbitrary<Deployment> {
  const dates = boundaryDates(registry);
  const gpuEdges = boundaryGpus(registry);
  const registered = [...new Set(registry.map((e) => e.reference))];

  const dateArb = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...dates) },
    { weight: 3, arbitrary: fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(dateOf) },
  );
  const gpusArb = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...gpuEdges) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 1_500_000 }) },
  );
  const referenceArb = registered.length > 0
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...registered) },
        { weight: 1, arbitrary: fc.constantFrom(...UNREGISTERED_REFERENCES) },
      )
    : fc.constantFrom(...UNREGISTERED_REFERENCES);

  return fc
    .tuple(
      fc.tuple(
        fc.constantFrom('api', 'chat-burst', 'stargate', 'research', 'eval', 'infra'),
        fc.nat(),
        dateArb,
        metadataExtrasArb,
      ),
      fc.tuple(
        fc.constantFrom(...WORKLOADS),
        providerArb,
        fc.option(fc.constantFrom('eastus', 'abilene-tx', 'tokyo', 'us-ashburn-1'), { nil: undefined }),
        fc.constantFrom<'new' | 'existing'>('new', 'existing'),
        gpusArb,
        fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined }),
      ),
      fc.tuple(
        fc.option(fc.array(endpointArb, { minLength: 0, maxLength: 4 }), { nil: undefined, freq: 3 }),
        fc.option(rofrArb, { nil: undefined, freq: 3 }),
        fc.option(referenceArb, { nil: undefined, freq: 4 }),
        fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
        fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
        alignArb,
      ),
    )
    .map(([[prefix, n, date0, [owner, team, annotation]], [workload0, provider0, region, kind, gpus0, decawatts], [endpoints, rofr, reference, metered, microsoft, align]]) => {
      let date = date0;
      let workload: Workload = workload0;
      let provider: Provider = provider0;
      let gpus = gpus0;

      const entry = reference === undefined ? undefined : registry.find((e) => e.reference === reference);
      if (entry !== undefined && align !== undefined) {
        if (align.provider) provider = entry.providers[align.pick % entry.providers.length] ?? provider;
        if (align.workload) workload = entry.workloads[align.pick % entry.workloads.length] ?? workload;
        const start = dayNumber(entry.grantedOn);
        const end = entry.expiresOn === undefined ? start + 3650 : dayNumber(entry.expiresOn);
        if (end >= start) {
          if (align.date === 'start') date = entry.grantedOn;
          else if (align.date === 'end') date = dateOf(end);
          else if (align.date === 'inside') date = dateOf(start + (align.pick % (end - start + 1)));
        }
        if (entry.maxGpus !== undefined) {
          if (align.gpus === 'max') gpus = entry.maxGpus;
          else if (align.gpus === 'below' && gpus > entry.maxGpus) gpus = align.pick % (entry.maxGpus + 1);
        }
      }

      const metadata: Deployment['metadata'] = { name: `${prefix}-${n.toString(36)}`, date };
      if (owner !== undefined) metadata.owner = owner;
      if (team !== undefined) metadata.labels = { team };
      if (annotation !== undefined) metadata.annotations = { [annotation]: `${annotation}-${n % 1000}` };

      const capacity: Deployment['spec']['capacity'] = { kind, gpus };
      if (decawatts !== undefined) capacity.megawatts = decawatts / 10;

      const spec: Deployment['spec'] = { workload, provider, capacity };
      if (region !== undefined) spec.region = region;
      if (endpoints !== undefined) spec.endpoints = endpoints.map((e) => ({ ...e }));
      if (rofr !== undefined) {
        const [rofrReference, offset, decision] = rofr;
        spec.rofr = { reference: rofrReference, offeredOn: addDays(date, offset), decision };
      }
      if (reference !== undefined) spec.approval = { reference };
      if (metered !== undefined) spec.revenueShare = { metered };
      if (microsoft !== undefined) spec.ipAccess = { microsoft };

      return { apiVersion: 'accord/v1', kind: 'Deployment', metadata, spec } satisfies Deployment;
    });
}

/** Several valid deployments with distinct names (a duplicate name is an input error in one run). */
export function uniqueDeployments(
  constraints: { minLength?: number; maxLength?: number; registry?: readonly ApprovalEntry[] } = {},
): fc.Arbitrary<Deployment[]> {
  return fc.uniqueArray(validDeployment(constraints.registry), {
    selector: (d) => d.metadata.name,
    minLength: constraints.minLength ?? 0,
    maxLength: constraints.maxLength ?? 20,
  });
}

export interface Scenario {
  deployment: Deployment;
  /** undefined: no approvals registry given (approvals are not verified). */
  registry: ApprovalEntry[] | undefined;
}

/** A deployment with the registry it is checked against: the fixed one, a random one, or none. */
export function scenarioArbitrary(): fc.Arbitrary<Scenario> {
  return fc.oneof(
    { weight: 3, arbitrary: validDeployment(referenceRegistry).map((deployment) => ({ deployment, registry: referenceRegistryCopy() })) },
    {
      weight: 2,
      arbitrary: registryArbitrary.chain((registry) => validDeployment(registry).map((deployment) => ({ deployment, registry }))),
    },
    { weight: 1, arbitrary: validDeployment(referenceRegistry).map((deployment) => ({ deployment, registry: undefined })) },
  );
}
