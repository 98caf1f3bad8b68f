/** The package name to install, and where its schemas sit once installed (for editors). */
const schemas = 'node_modules/accord-policy/schemas';

/** What `accord init` writes, by path from the folder it runs in, with a line about each. */
export const starterFiles: ReadonlyArray<{ path: string; about: string; text: string }> = [
  {
    path: 'accord.config.json',
    about: 'what `accord check` checks, with which approvals and waivers',
    text: `${JSON.stringify(
      {
        $schema: `./${schemas}/config.schema.json`,
        include: ['deployments'],
        approvals: 'policy/approvals.yaml',
        waivers: 'policy/waivers.yaml',
        failOn: 'error',
      },
      null,
      2,
    )}\n`,
  },
  {
    path: 'deployments/example.yaml',
    about: 'an example manifest that passes: copy it for each deployment',
    text: `# yaml-language-server: $schema=../${schemas}/deployment.schema.json
# A deployment manifest: accord checks it against the partnership's terms before anything is
# provisioned. \`accord schema\` prints every field and its allowed values.
apiVersion: accord/v1
kind: Deployment
metadata:
  name: example-api-eastus     # a-z, 0-9 and '-'; unique among your manifests
  date: 2027-01-15             # the go-live date: rules apply as of this day
  owner: platform-team
spec:
  workload: api                # api | product | training | research | internal
  provider: azure              # azure | oracle | softbank | aws | gcp | coreweave | openai | other
  region: eastus
  capacity:
    kind: existing             # new | existing
    gpus: 512
  endpoints:
    - url: https://example-api-eastus.openai.azure.com/v1
      hostedOn: azure
      public: true
  revenueShare:
    metered: true
`,
  },
  {
    path: 'policy/approvals.yaml',
    about: 'Microsoft capacity approvals that manifests cite (none yet)',
    text: `# yaml-language-server: $schema=../${schemas}/approvals.schema.json
# Capacity approvals that manifests cite in spec.approval.reference, for example:
#   - reference: MSFT-CAP-2026-001
#     grantedOn: 2026-01-15
#     expiresOn: 2029-12-31          # optional
#     providers: [oracle, softbank]
#     workloads: [training, research]
#     maxGpus: 400000                # optional
approvals: []
`,
  },
  {
    path: 'policy/waivers.yaml',
    about: 'accepted exceptions to a rule, each with an expiry (none yet)',
    text: `# yaml-language-server: $schema=../${schemas}/waivers.schema.json
# Accepted exceptions: a waived finding stays in the report but does not fail the run. For example:
#   - rule: product-capacity-off-azure
#     deployment: chat-burst-*         # a deployment name or a glob over names
#     reason: Temporary overflow during a launch.
#     approvedBy: partnership-office
#     expiresOn: 2027-12-31            # required: waivers always expire
waivers: []
`,
  },
];

/** Where the hooks and the GitHub Action come from; SARIF reports name the same home. */
const home = 'accord-policy/accord';

/** The pre-commit and GitHub Actions snippets printed after the files are written. */
export function snippets(version: string): string {
  return `pre-commit: add to .pre-commit-config.yaml
  repos:
    - repo: https://github.com/${home}
      rev: v${version}
      hooks:
        - id: accord-check

GitHub Actions: .github/workflows/accord.yml (annotations, a job summary, SARIF for code scanning)
  name: accord
  on: [pull_request, push]
  permissions:
    contents: read
    security-events: write
  jobs:
    accord:
      runs-on: ubuntu-latest
      steps:
        - uses: actions/checkout@v4
        - uses: ${home}@v${version}
`;
}
