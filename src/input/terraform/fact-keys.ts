/** The tag convention (CONVENTION.md): each `accord-*` key and the manifest field it gives. */
export interface FactKey {
  path: readonly string[];
  boolean?: true;
}

export const tagFacts: Readonly<Record<string, FactKey>> = {
  'accord-deployment': { path: ['metadata', 'name'] },
  'accord-workload': { path: ['spec', 'workload'] },
  'accord-date': { path: ['metadata', 'date'] },
  'accord-capacity': { path: ['spec', 'capacity', 'kind'] },
  'accord-approval': { path: ['spec', 'approval', 'reference'] },
  'accord-rofr-ref': { path: ['spec', 'rofr', 'reference'] },
  'accord-rofr-offered-on': { path: ['spec', 'rofr', 'offeredOn'] },
  'accord-rofr-decision': { path: ['spec', 'rofr', 'decision'] },
  'accord-revenue-metered': { path: ['spec', 'revenueShare', 'metered'], boolean: true },
  'accord-ip-access-microsoft': { path: ['spec', 'ipAccess', 'microsoft'], boolean: true },
  'accord-provider': { path: ['spec', 'provider'] },
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
