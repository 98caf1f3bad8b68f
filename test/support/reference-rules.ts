// An independent, plain-TypeScript reference of the nine partnership rules, written from the
// rule table in issue 3 ("Partnership rule pack") and NOT from rules/*.json. The differential
// property test (issue 5) compares the evaluator's findings with these on generated deployments:
// if the two ever disagree, either a rule file or the evaluator does not say what the contract says.
//
// Only what a finding is (rule id and field path) is modelled here; messages, severities and
// positions are the evaluator's business.

export type Provider = 'azure' | 'oracle' | 'softbank' | 'aws' | 'gcp' | 'coreweave' | 'openai' | 'other';
export type Workload = 'api' | 'product' | 'training' | 'research' | 'internal';

export const PROVIDERS: readonly Provider[] = ['azure', 'oracle', 'softbank', 'aws', 'gcp', 'coreweave', 'openai', 'other'];
export const WORKLOADS: readonly Workload[] = ['api', 'product', 'training', 'research', 'internal'];

export interface Endpoint {
  url: string;
  hostedOn: Provider;
  public?: boolean;
}

/** A schema-valid deployment manifest (schemas/deployment.schema.json), as far as the rules need it. */
export interface Deployment {
  apiVersion: 'accord/v1';
  kind: 'Deployment';
  metadata: {
    name: string;
    /** YYYY-MM-DD go-live date: rules are evaluated as of it. */
    date: string;
    owner?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    workload: Workload;
    provider: Provider;
    region?: string;
    capacity: { kind: 'new' | 'existing'; gpus: number; megawatts?: number };
    endpoints?: Endpoint[];
    rofr?: { reference: string; offeredOn: string; decision: 'declined' | 'accepted' | 'pending' };
    approval?: { reference: string };
    revenueShare?: { metered: boolean };
    ipAccess?: { microsoft: boolean };
  };
}

/** One entry of an approvals registry (schemas/approvals.schema.json). */
export interface ApprovalEntry {
  reference: string;
  grantedOn: string;
  expiresOn?: string;
  providers: Provider[];
  workloads: Workload[];
  maxGpus?: number;
  note?: string;
}

export interface ReferenceFinding {
  rule: string;
  path: string;
}

export type ApprovalStatus = 'absent' | 'unverified' | 'unregistered' | 'out-of-scope' | 'covers';

/** The last day of the "through 2030" terms (API exclusivity, revenue share, IP access). */
export const THROUGH_2030 = '2030-12-31';

/** YYYY-MM-DD strings order like the dates they name. */
function onOrBefore(a: string, b: string): boolean {
  return a <= b;
}

function coversDeployment(entry: ApprovalEntry, d: Deployment): boolean {
  const date = d.metadata.date;
  if (!onOrBefore(entry.grantedOn, date)) return false; // not granted yet
  if (entry.expiresOn !== undefined && !onOrBefore(date, entry.expiresOn)) return false; // expired
  if (!entry.providers.includes(d.spec.provider)) return false;
  if (!entry.workloads.includes(d.spec.workload)) return false;
  if (entry.maxGpus !== undefined && d.spec.capacity.gpus > entry.maxGpus) return false;
  return true;
}

/**
 * Whether the deployment's approval reference is valid, by the contract:
 * no reference: absent; no registry given: unverified; reference not in the registry: unregistered;
 * in the registry but no entry with that reference covers the deployment: out-of-scope; else covers.
 * (Should a registry list one reference twice, it covers when any of its entries does.)
 */
export function approvalStatus(d: Deployment, registry: readonly ApprovalEntry[] | undefined): ApprovalStatus {
  const reference = d.spec.approval?.reference;
  if (reference === undefined) return 'absent';
  if (registry === undefined) return 'unverified';
  const entries = registry.filter((e) => e.reference === reference);
  if (entries.length === 0) return 'unregistered';
  return entries.some((e) => coversDeployment(e, d)) ? 'covers' : 'out-of-scope';
}

/** Orders findings by rule id, then path (plain code-unit order, so `[10]` sorts before `[2]`). */
export function compareFindings(a: ReferenceFinding, b: ReferenceFinding): number {
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return 0;
}

/**
 * The violations of the nine contract rules in a schema-valid deployment, one entry per
 * violation (per offending endpoint for api-endpoint-off-azure), sorted by rule then path.
 * `registry` undefined means no approvals registry was given (approvals are not verified).
 */
export function referenceFindings(d: Deployment, registry: readonly ApprovalEntry[] | undefined): ReferenceFinding[] {
  const out: ReferenceFinding[] = [];
  const add = (rule: string, path: string): void => {
    out.push({ rule, path });
  };

  const date = d.metadata.date;
  const spec = d.spec;
  const offAzure = spec.provider !== 'azure';
  // "remain in place through 2030": rules with effective.until 2030-12-31 apply up to and including that day.
  const through2030 = onOrBefore(date, THROUGH_2030);

  // api-exclusive-to-azure (error, until 2030-12-31): workload api and provider not azure.
  if (through2030 && spec.workload === 'api' && offAzure) {
    add('api-exclusive-to-azure', 'spec.provider');
  }

  // api-endpoint-off-azure (error, until 2030-12-31): workload api, one finding per endpoint not on azure.
  if (through2030 && spec.workload === 'api') {
    (spec.endpoints ?? []).forEach((endpoint, i) => {
      if (endpoint.hostedOn !== 'azure') add('api-endpoint-off-azure', `spec.endpoints[${i}].hostedOn`);
    });
  }

  // rofr-required-for-new-capacity (error, open): new capacity off azure without an offer that was
  // declined no later than go-live (no record, pending, or declined but offered after metadata.date).
  if (spec.capacity.kind === 'new' && offAzure) {
    const rofr = spec.rofr;
    const missing = rofr === undefined;
    const pending = rofr?.decision === 'pending';
    const offeredLate = rofr?.decision === 'declined' && rofr.offeredOn > date;
    if (missing || pending || offeredLate) add('rofr-required-for-new-capacity', 'spec.rofr');
  }

  // rofr-exercised-by-microsoft (error, open): Microsoft accepted, yet the capacity is not on azure.
  if (spec.rofr?.decision === 'accepted' && offAzure) {
    add('rofr-exercised-by-microsoft', 'spec.provider');
  }

  const approval = approvalStatus(d, registry);

  // capacity-without-approval (error, open): research/training off azure with no reference, or
  // (registry given) a reference the registry does not know.
  if (offAzure && (spec.workload === 'training' || spec.workload === 'research')) {
    if (approval === 'absent' || approval === 'unregistered') add('capacity-without-approval', 'spec.approval.reference');
  }

  // approval-out-of-scope (error, open): off azure, the reference is registered but does not cover
  // the deployment. Cannot happen without a registry.
  if (offAzure && approval === 'out-of-scope') {
    add('approval-out-of-scope', 'spec.approval.reference');
  }

  // product-capacity-off-azure (warning, open): product workload off azure.
  if (spec.workload === 'product' && offAzure) {
    add('product-capacity-off-azure', 'spec.provider');
  }

  // revenue-share-unmetered (error, until 2030-12-31): api or product not metered (absent = unmetered).
  if (through2030 && (spec.workload === 'api' || spec.workload === 'product') && spec.revenueShare?.metered !== true) {
    add('revenue-share-unmetered', 'spec.revenueShare.metered');
  }

  // microsoft-ip-access-withheld (error, until 2030-12-31): ipAccess.microsoft is false (absent block = not withheld).
  if (through2030 && spec.ipAccess?.microsoft === false) {
    add('microsoft-ip-access-withheld', 'spec.ipAccess.microsoft');
  }

  return out.sort(compareFindings);
}
