/** The tag convention (CONVENTION.md): each `accord-*` key and the manifest field it gives. */
export interface FactKey {
  path: readonly string[];
  /** The path as a dotted string. */
  joined: string;
  boolean?: true;
}

const fact = (path: readonly string[], boolean = false): FactKey => ({ path, joined: path.join('.'), ...(boolean ? { boolean: true } : {}) });

export const tagFacts: Readonly<Record<string, FactKey>> = {
  'accord-deployment': fact(['metadata', 'name']),
  'accord-workload': fact(['spec', 'workload']),
  'accord-date': fact(['metadata', 'date']),
  'accord-capacity': fact(['spec', 'capacity', 'kind']),
  'accord-approval': fact(['spec', 'approval', 'reference']),
  'accord-rofr-ref': fact(['spec', 'rofr', 'reference']),
  'accord-rofr-offered-on': fact(['spec', 'rofr', 'offeredOn']),
  'accord-rofr-decision': fact(['spec', 'rofr', 'decision']),
  'accord-revenue-metered': fact(['spec', 'revenueShare', 'metered'], true),
  'accord-ip-access-microsoft': fact(['spec', 'ipAccess', 'microsoft'], true),
  'accord-provider': fact(['spec', 'provider']),
};

/** Where each fact of a mapping entry (in manifest shape) goes in the manifest. */
export const mappingFacts: readonly { at: readonly string[]; path: readonly string[] }[] = [
  { at: ['deployment'], path: ['metadata', 'name'] },
  { at: ['workload'], path: ['spec', 'workload'] },
  { at: ['date'], path: ['metadata', 'date'] },
  { at: ['capacity', 'kind'], path: ['spec', 'capacity', 'kind'] },
  { at: ['approval', 'reference'], path: ['spec', 'approval', 'reference'] },
  { at: ['rofr', 'reference'], path: ['spec', 'rofr', 'reference'] },
  { at: ['rofr', 'offeredOn'], path: ['spec', 'rofr', 'offeredOn'] },
  { at: ['rofr', 'decision'], path: ['spec', 'rofr', 'decision'] },
  { at: ['revenueShare', 'metered'], path: ['spec', 'revenueShare', 'metered'] },
  { at: ['ipAccess', 'microsoft'], path: ['spec', 'ipAccess', 'microsoft'] },
  { at: ['endpoints'], path: ['spec', 'endpoints'] },
  { at: ['provider'], path: ['spec', 'provider'] },
];

export const NAME = 'metadata.name';
