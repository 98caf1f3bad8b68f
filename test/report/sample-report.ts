import type { Finding, Report, RuleInfo } from '../../src/types.js';
import type { FormatOptions } from '../../src/report/format-types.js';

export const options: FormatOptions = { failOn: 'error', color: false };

/** Path with a space and a `%`: it must be percent-encoded in SARIF and escaped in GitHub properties. */
export const ODD_FILE = 'deployments/batch jobs/train 50%.yaml';

/** Every character some format must escape: `%`, `:`, `,`, a newline, and `<&>"'`. */
export const ODD_MESSAGE =
  'Endpoint "https://api.example.com:8443/v1?regions=us,eu" of api-east is 100% off Azure:\nhostedOn is \'gcp\' <not azure> & unapproved';

const rules: RuleInfo[] = [
  {
    id: 'api-endpoint-off-azure',
    title: 'Every OpenAI API endpoint is hosted on Azure',
    severity: 'error',
    clause: 'The OpenAI API is exclusive to Azure, runs on Azure, and is also available through the Azure OpenAI Service.',
    source: 'Partnership announcement, paragraph 3',
    effective: { until: '2030-12-31' },
    message: 'API endpoint {{item.url}} of {{metadata.name}} is hosted on {{item.hostedOn}}.',
    remediation: 'Serve this endpoint from Azure (hostedOn: azure) or remove it from the API deployment.',
    conditions: { all: [{ fact: 'spec', path: '$.provider', operator: 'notEqual', value: 'azure' }] },
    file: 'rules/api-endpoint-off-azure.json',
  },
  {
    id: 'api-exclusive-to-azure',
    title: 'The OpenAI API runs only on Azure',
    severity: 'error',
    clause: 'The OpenAI API is exclusive to Azure, runs on Azure, and is also available through the Azure OpenAI Service.',
    source: 'Partnership announcement, paragraph 3',
    effective: { until: '2030-12-31' },
    message: 'API deployment {{metadata.name}} runs on {{spec.provider}}.',
    remediation: 'Set spec.provider to azure, or move this workload off the API (spec.workload).',
    conditions: { all: [{ fact: 'spec', path: '$.provider', operator: 'notEqual', value: 'azure' }] },
    file: 'rules/api-exclusive-to-azure.json',
  },
  {
    id: 'capacity-first-refusal',
    title: 'New capacity is offered to Azure first',
    severity: 'warning',
    clause: 'Microsoft has a right of first refusal on new OpenAI compute capacity.',
    source: 'Partnership announcement, paragraph 4',
    effective: { from: '2025-01-21' },
    message: 'Deployment {{metadata.name}} adds capacity on {{spec.provider}} without an Azure refusal on record.',
    remediation: 'Record the Azure right-of-first-refusal decision in approvals before provisioning.',
    conditions: { all: [{ fact: 'spec', path: '$.provider', operator: 'notEqual', value: 'azure' }] },
    file: 'rules/capacity-first-refusal.json',
  },
  {
    id: 'region-undisclosed',
    title: 'Deployments name their region',
    severity: 'info',
    clause: 'Capacity reviews need the region of every deployment.',
    source: 'Internal review checklist',
    effective: {},
    message: 'Deployment {{metadata.name}} does not name a region.',
    remediation: 'Set spec.region.',
    conditions: { all: [{ fact: 'spec', path: '$.provider', operator: 'notEqual', value: 'azure' }] },
    file: 'rules/region-undisclosed.json',
  },
];

const findings: Finding[] = [
  {
    rule: 'api-exclusive-to-azure',
    severity: 'error',
    deployment: 'api-east',
    file: 'deployments/api-east.yaml',
    line: 7,
    column: 13,
    path: 'spec.provider',
    message: 'API deployment api-east runs on oracle; the OpenAI API is exclusive to Azure through 2030.',
    evidence: [
      { path: 'spec.workload', actual: 'api', operator: 'equal', expected: 'api', text: 'spec.workload is "api"' },
      {
        path: 'spec.provider',
        actual: 'oracle',
        operator: 'notEqual',
        expected: 'azure',
        text: 'spec.provider is "oracle", expected not "azure"',
      },
    ],
    clause: rules[1]!.clause,
    remediation: rules[1]!.remediation,
    waived: false,
  },
  {
    rule: 'api-endpoint-off-azure',
    severity: 'error',
    deployment: 'api-east',
    file: 'deployments/api-east.yaml',
    line: 14,
    column: 19,
    path: 'spec.endpoints[1].hostedOn',
    message: ODD_MESSAGE,
    evidence: [
      {
        path: 'spec.endpoints[1].hostedOn',
        actual: 'gcp',
        operator: 'notEqual',
        expected: 'azure',
        text: 'spec.endpoints[1].hostedOn is "gcp", expected not "azure"',
      },
    ],
    clause: rules[0]!.clause,
    remediation: rules[0]!.remediation,
    waived: false,
  },
  {
    rule: 'capacity-first-refusal',
    severity: 'warning',
    deployment: 'train-50',
    file: ODD_FILE,
    line: 3,
    column: 3,
    path: 'spec.provider',
    message: 'Deployment train-50 adds capacity on coreweave without an Azure refusal on record.',
    evidence: [
      {
        path: 'approval.status',
        actual: 'missing',
        operator: 'notEqual',
        expected: 'declined',
        text: 'approval.status is "missing", expected "declined"',
      },
    ],
    clause: rules[2]!.clause,
    remediation: rules[2]!.remediation,
    waived: false,
  },
  {
    rule: 'region-undisclosed',
    severity: 'info',
    deployment: 'train-50',
    file: ODD_FILE,
    line: 9,
    column: 5,
    path: 'spec.region',
    message: 'Deployment train-50 does not name a region.',
    evidence: [],
    clause: rules[3]!.clause,
    remediation: rules[3]!.remediation,
    waived: false,
  },
  {
    rule: 'api-exclusive-to-azure',
    severity: 'error',
    deployment: 'legacy-api',
    file: 'deployments/legacy.json',
    line: 4,
    column: 17,
    path: 'spec.provider',
    message: 'API deployment legacy-api runs on aws; the OpenAI API is exclusive to Azure through 2030.',
    evidence: [
      {
        path: 'spec.provider',
        actual: 'aws',
        operator: 'notEqual',
        expected: 'azure',
        text: 'spec.provider is "aws", expected not "azure"',
      },
    ],
    clause: rules[1]!.clause,
    remediation: rules[1]!.remediation,
    waived: true,
    waiver: {
      rule: 'api-exclusive-to-azure',
      deployment: 'legacy-api',
      reason: 'Migration to Azure tracked in OPS-142 | cutover in Q1',
      approvedBy: 'partnerships@example.com',
      expiresOn: '2027-03-31',
    },
  },
];

export const sampleReport: Report = {
  version: 1,
  tool: { name: 'accord', version: '0.1.0' },
  rulePack: {
    name: 'openai-microsoft-partnership',
    version: '1.0.0',
    sha256: '9f2c4e7a1b3d5f60718293a4b5c6d7e8f9012345678967890abcdef012345678',
    rules: 4,
  },
  asOf: '2026-11-28',
  summary: { files: 5, deployments: 4, errors: 2, warnings: 1, infos: 1, waived: 1, problems: 2 },
  findings,
  problems: [
    {
      file: 'deployments/broken.yaml',
      line: 4,
      column: 1,
      code: 'PARSE_ERROR',
      message: 'Unexpected end of flow mapping, expected "}"',
    },
    { file: 'deployments/empty.json', code: 'NO_DEPLOYMENTS', message: 'No deployment found in this file.' },
  ],
  notices: [
    {
      code: 'APPROVALS_NOT_VERIFIED',
      message: 'approvals.json is not signed; approvals were taken as written.',
    },
    {
      code: 'WAIVER_EXPIRING',
      message: 'The waiver of api-exclusive-to-azure for legacy-api expires on 2027-03-31.',
      rule: 'api-exclusive-to-azure',
      deployment: 'legacy-api',
    },
  ],
  rules,
  deployments: [
    {
      name: 'api-east',
      file: 'deployments/api-east.yaml',
      line: 1,
      column: 1,
      evaluated: ['api-endpoint-off-azure', 'api-exclusive-to-azure', 'capacity-first-refusal', 'region-undisclosed'],
    },
    {
      name: 'api-west',
      file: 'deployments/api-east.yaml',
      line: 20,
      column: 1,
      evaluated: ['api-endpoint-off-azure', 'api-exclusive-to-azure', 'capacity-first-refusal', 'region-undisclosed'],
    },
    {
      name: 'train-50',
      file: ODD_FILE,
      line: 1,
      column: 1,
      evaluated: ['capacity-first-refusal', 'region-undisclosed'],
    },
    {
      name: 'legacy-api',
      file: 'deployments/legacy.json',
      line: 2,
      column: 3,
      evaluated: ['api-endpoint-off-azure', 'api-exclusive-to-azure', 'capacity-first-refusal', 'region-undisclosed'],
    },
  ],
};

/** A clean run: nothing found, nothing wrong. */
export const emptyReport: Report = {
  ...sampleReport,
  summary: { files: 1, deployments: 1, errors: 0, warnings: 0, infos: 0, waived: 0, problems: 0 },
  findings: [],
  problems: [],
  notices: [],
  deployments: [sampleReport.deployments![1]!],
};

/** Freezes a report deeply, so a formatter that mutates its input throws. */
export function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}
