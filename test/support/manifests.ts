/** Builders for schema-valid deployment manifests; tests override only what they are about. */
export interface ManifestOverrides {
  name?: string;
  date?: string;
  workload?: string;
  provider?: string;
  spec?: Record<string, unknown>;
}

export function manifest(overrides: ManifestOverrides = {}): Record<string, unknown> {
  return {
    apiVersion: 'accord/v1',
    kind: 'Deployment',
    metadata: { name: overrides.name ?? 'api-eastus', date: overrides.date ?? '2027-03-01' },
    spec: {
      workload: overrides.workload ?? 'api',
      provider: overrides.provider ?? 'azure',
      capacity: { kind: 'existing', gpus: 100 },
      revenueShare: { metered: true },
      ...overrides.spec,
    },
  };
}

/** The same manifest as one YAML document (JSON is valid YAML flow syntax, but block YAML reads like real input). */
export function manifestYaml(overrides: ManifestOverrides = {}): string {
  const m = manifest(overrides) as { metadata: { name: string; date: string }; spec: { workload: string; provider: string } };
  return [
    'apiVersion: accord/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${m.metadata.name}`,
    `  date: ${m.metadata.date}`,
    'spec:',
    `  workload: ${m.spec.workload}`,
    `  provider: ${m.spec.provider}`,
    '  capacity:',
    '    kind: existing',
    '    gpus: 100',
    '  revenueShare:',
    '    metered: true',
    '',
  ].join('\n');
}
