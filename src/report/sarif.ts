import { createHash } from 'node:crypto';
import type { Finding, Notice, Problem, RuleInfo, Severity } from '../types.js';
import type { Formatter } from './format-types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/accord-policy/accord';
const SRCROOT = '%SRCROOT%';
/** Bump the suffix if the hashed fields ever change, so old alerts are not silently re-matched. */
export const FINGERPRINT_KEY = 'accordFinding/v1';

type Level = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

// Fields left undefined are dropped by JSON.stringify, which keeps optional SARIF properties out of the output.
export const formatSarif: Formatter = (report) => {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: report.rules.map(ruleDescriptor),
            properties: { rulePack: report.rulePack },
          },
        },
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            toolExecutionNotifications: report.problems.map(problemNotification),
            toolConfigurationNotifications: report.notices.map(noticeNotification),
            properties: { asOf: report.asOf },
          },
        ],
        results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.rule))),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

/** Stable across runs and line moves: it hashes what the finding is about, never where it sits in the file. */
export function findingFingerprint(finding: Pick<Finding, 'rule' | 'deployment' | 'path'>): string {
  const identity = JSON.stringify([finding.rule, finding.deployment, finding.path]);
  return createHash('sha256').update(identity, 'utf8').digest('hex');
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function toUriReference(file: string): string {
  return wellFormed(file).split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(rule: RuleInfo) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.clause },
    help: { text: rule.remediation, markdown: rule.remediation },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      severity: rule.severity,
      effective: rule.effective,
      source: rule.source,
      tags: ['compliance'],
    },
  };
}

function result(finding: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: physicalLocation(finding.file, finding.line, finding.column),
        logicalLocations: [
          { name: finding.deployment, fullyQualifiedName: `${finding.deployment}/${finding.path}` },
          ...resourceLocation(finding.resource),
        ],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(finding) },
    suppressions: finding.waived ? [suppression(finding)] : undefined,
    properties: { deployment: finding.deployment, path: finding.path, resource: finding.resource, pointer: finding.pointer, evidence: finding.evidence },
  };
}

function suppression(finding: Finding) {
  const waiver = finding.waiver;
  return {
    kind: 'external',
    status: 'accepted',
    justification: waiver?.reason,
    properties: waiver && { approvedBy: waiver.approvedBy, expiresOn: waiver.expiresOn },
  };
}

function problemNotification(problem: Problem) {
  return {
    level: 'error',
    message: { text: problem.message },
    descriptor: { id: problem.code },
    locations:
      problem.file === ''
        ? undefined
        : [{ physicalLocation: physicalLocation(problem.file, problem.line, problem.column), logicalLocations: problem.resource === undefined ? undefined : resourceLocation(problem.resource) }],
    properties:
      problem.path === undefined && problem.deployment === undefined
        ? undefined
        : { path: problem.path, deployment: problem.deployment },
  };
}

/** The Terraform resource instance a result is about, beside its place in the plan file. */
function resourceLocation(resource: string | undefined) {
  return resource === undefined ? [] : [{ fullyQualifiedName: resource, kind: 'resource' }];
}

function noticeNotification(notice: Notice) {
  return {
    level: 'note',
    message: { text: notice.message },
    descriptor: { id: notice.code },
    associatedRule: notice.rule === undefined ? undefined : { id: notice.rule },
    properties: notice.deployment === undefined ? undefined : { deployment: notice.deployment },
  };
}

function physicalLocation(file: string, line: number | undefined, column: number | undefined) {
  const artifactLocation = { uri: toUriReference(file), uriBaseId: SRCROOT };
  // SARIF requires startLine >= 1, and a region without a line means nothing to viewers.
  if (line === undefined || line < 1) return { artifactLocation };
  const region = column !== undefined && column >= 1 ? { startLine: line, startColumn: column } : { startLine: line };
  return { artifactLocation, region };
}

function pascalCase(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  if (words.length === 0) return id;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** encodeURIComponent throws on lone surrogates; a path should never hold one, but a formatter must not crash. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
