/** A deployment manifest v1 (schemas/deployment.schema.json), after validation. */
export type Provider = 'azure' | 'oracle' | 'softbank' | 'aws' | 'gcp' | 'coreweave' | 'openai' | 'other';
export type Workload = 'api' | 'product' | 'training' | 'research' | 'internal';

export interface Deployment {
  apiVersion: 'accord/v1';
  kind: 'Deployment';
  metadata: {
    name: string;
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
    endpoints?: { url: string; hostedOn: Provider; public?: boolean }[];
    rofr?: { reference: string; offeredOn: string; decision: 'declined' | 'accepted' | 'pending' };
    approval?: { reference: string };
    revenueShare?: { metered: boolean };
    ipAccess?: { microsoft: boolean };
  };
}
