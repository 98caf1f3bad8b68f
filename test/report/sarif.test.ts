import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, formatSarif, toUriReference } from '../../src/report/sarif.js';
import type { Finding, Report } from '../../src/types.js';
import { emptyReport, ODD_FILE, options, sampleReport } from './sample-report.js';
import { vendorFile } from '../support/vendor.js';

// Both are CommonJS: under NodeNext the default import is module.exports, whose `.default` is the export itself.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
const SCHEMA_FILE = vendorFile('sarif-schema-2.1.0.json');

function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

// The SARIF object is loosely typed on purpose: the tests read it the way a consumer would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function sarif(report: Report): Json {
  return JSON.parse(formatSarif(report, options));
}

function fingerprintOf(finding: Finding): string {
  const run = sarif({ ...sampleReport, findings: [finding] }).runs[0];
  return run.results[0].partialFingerprints[FINGERPRINT_KEY];
}

describe('formatSarif', () => {
  const validate = sarifValidator();

  it('is valid against the SARIF 2.1.0 schema, with and without findings', () => {
    for (const report of [sampleReport, emptyReport, { ...sampleReport, deployments: undefined }]) {
      const valid = validate(sarif(report));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('uses a validator that does reject invalid SARIF', () => {
    const broken = sarif(sampleReport);
    broken.runs[0].results[0].level = 'info';
    expect(validate(broken)).toBe(false);
  });

  it('lists every rule of the pack with its descriptor', () => {
    const driver = sarif(sampleReport).runs[0].tool.driver;
    expect(driver.rules.map((r: Json) => r.id)).toEqual(sampleReport.rules.map((r) => r.id));
    expect(driver.rules[0]).toMatchObject({
      name: 'ApiEndpointOffAzure',
      shortDescription: { text: sampleReport.rules[0]!.title },
      fullDescription: { text: sampleReport.rules[0]!.clause },
      help: { text: sampleReport.rules[0]!.remediation, markdown: sampleReport.rules[0]!.remediation },
      defaultConfiguration: { level: 'error' },
      properties: { severity: 'error', effective: { until: '2030-12-31' } },
    });
    expect(driver.rules.map((r: Json) => r.defaultConfiguration.level)).toEqual(['error', 'error', 'warning', 'note']);
    expect(driver.properties.rulePack.sha256).toBe(sampleReport.rulePack.sha256);
  });

  it('has a result for every finding, waived ones suppressed with the waiver reason', () => {
    const { results, tool } = sarif(sampleReport).runs[0];
    expect(results).toHaveLength(sampleReport.findings.length);
    for (const [i, finding] of sampleReport.findings.entries()) {
      const result = results[i];
      expect(tool.driver.rules[result.ruleIndex].id).toBe(finding.rule);
      expect(result.message.text).toBe(finding.message);
      if (finding.waived) {
        expect(result.suppressions).toEqual([
          expect.objectContaining({ kind: 'external', status: 'accepted', justification: finding.waiver!.reason }),
        ]);
      } else {
        expect(result.suppressions).toBeUndefined();
      }
    }
    expect(results.map((r: Json) => r.level)).toEqual(['error', 'error', 'warning', 'note', 'error']);
  });

  it('locates results by relative URI, region and deployment', () => {
    const results = sarif(sampleReport).runs[0].results;
    const odd = results[2].locations[0];
    expect(odd.physicalLocation).toEqual({
      artifactLocation: { uri: 'deployments/batch%20jobs/train%2050%25.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 3 },
    });
    expect(decodeURIComponent(odd.physicalLocation.artifactLocation.uri)).toBe(ODD_FILE);
    expect(odd.logicalLocations).toEqual([{ name: 'train-50', fullyQualifiedName: 'train-50/spec.provider' }]);
  });

  it('leaves out ruleIndex, and stays valid, for a finding of a rule missing from rules[]', () => {
    const finding = { ...sampleReport.findings[0]!, rule: 'not-in-pack' };
    const log = sarif({ ...sampleReport, findings: [finding] });
    expect(log.runs[0].results[0].ruleId).toBe('not-in-pack');
    expect(log.runs[0].results[0].ruleIndex).toBeUndefined();
    expect(validate(log)).toBe(true);
  });

  it('leaves out a region when the position is unknown', () => {
    const finding = { ...sampleReport.findings[0]!, line: 0, column: 0 };
    const location = sarif({ ...sampleReport, findings: [finding] }).runs[0].results[0].locations[0];
    expect(location.physicalLocation.region).toBeUndefined();
  });

  it('encodes file paths as URI references, keeping slashes', () => {
    expect(toUriReference('a b/c%d/e#f?.yaml')).toBe('a%20b/c%25d/e%23f%3F.yaml');
    expect(toUriReference('dir:x/ü.json')).toBe('dir%3Ax/%C3%BC.json');
    expect(toUriReference('bad\uD800.json')).toBe('bad%EF%BF%BD.json');
  });

  it('keeps the fingerprint when only the position changes, and tells deployments, rules and paths apart', () => {
    const base = sampleReport.findings[0]!;
    const fingerprint = fingerprintOf(base);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf({ ...base, line: base.line + 40, column: 1 })).toBe(fingerprint);
    expect(fingerprintOf({ ...base, message: 'reworded' })).toBe(fingerprint);
    expect(fingerprintOf({ ...base, deployment: 'api-west' })).not.toBe(fingerprint);
    expect(fingerprintOf({ ...base, rule: 'api-endpoint-off-azure' })).not.toBe(fingerprint);
    expect(fingerprintOf({ ...base, path: 'spec.region' })).not.toBe(fingerprint);
  });

  it('reports problems as failed-execution notifications and notices as notes', () => {
    const invocation = sarif(sampleReport).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: sampleReport.problems[0]!.message },
        descriptor: { id: 'PARSE_ERROR' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'deployments/broken.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 4, startColumn: 1 },
            },
          },
        ],
      },
      {
        level: 'error',
        message: { text: sampleReport.problems[1]!.message },
        descriptor: { id: 'NO_DEPLOYMENTS' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'deployments/empty.json', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    const notes = invocation.toolConfigurationNotifications;
    expect(notes.map((n: Json) => [n.level, n.descriptor.id])).toEqual([
      ['note', 'APPROVALS_NOT_VERIFIED'],
      ['note', 'WAIVER_EXPIRING'],
    ]);
    expect(notes[1].associatedRule).toEqual({ id: 'api-exclusive-to-azure' });
  });

  it('marks a run without problems as successful, with no results when nothing was found', () => {
    const run = sarif(emptyReport).runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.results).toEqual([]);
  });

  it('never states an absolute path', () => {
    expect(formatSarif(sampleReport, options)).not.toMatch(/file:|"\/|originalUriBaseIds/);
  });
});
