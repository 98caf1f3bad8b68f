import type { FailOn, Finding, Problem, Report } from '../types.js';
import { isFailing } from './exit-code.js';
import type { Formatter } from './format-types.js';
import { attr, element } from './xml.js';
import { withResource } from './resource.js';

/** A JUnit test case. */
export interface JunitCase {
  classname: string;
  name: string;
  /** Rendered children, already escaped. */
  body: string[];
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
}

export interface JunitSuite {
  name: string;
  /** The file the suite is about, when it is about one. */
  file?: string;
  cases: JunitCase[];
}

export const formatJunit: Formatter = (report, options) => {
  const suites = [...collectCases(report, options.failOn)].sort(([a], [b]) => compare(a, b));
  return renderJunit(report.tool.name, suites.map(([file, cases]) => ({ name: file, file, cases })));
};

/** The JUnit XML document of `suites`, with every count worked out from the cases' outcomes. */
export function renderJunit(name: string, suites: readonly JunitSuite[]): string {
  const count = (cases: readonly JunitCase[], outcome: JunitCase['outcome']) => cases.filter((c) => c.outcome === outcome).length;
  const all = suites.flatMap((suite) => suite.cases);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${attr(name)}" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}">`];
  for (const { name: suiteName, file, cases } of suites) {
    const counts = `tests="${cases.length}" failures="${count(cases, 'failure')}" errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}"`;
    lines.push(`  <testsuite name="${attr(suiteName)}" ${counts}${file === undefined ? '' : ` file="${attr(file)}"`}>`);
    for (const testcase of cases) lines.push(...renderCase(testcase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** Test cases grouped by file: one per (deployment, rule) evaluated or found, then one per problem. */
function collectCases(report: Report, failOn: FailOn): Map<string, JunitCase[]> {
  const findings = new Map<string, Finding[]>();
  const order: Array<{ file: string; deployment: string; rule: string }> = [];
  const add = (file: string, deployment: string, rule: string): Finding[] => {
    const key = JSON.stringify([file, deployment, rule]);
    let list = findings.get(key);
    if (list === undefined) {
      list = [];
      findings.set(key, list);
      order.push({ file, deployment, rule });
    }
    return list;
  };
  for (const deployment of report.deployments ?? []) {
    for (const rule of deployment.evaluated) add(deployment.file, deployment.name, rule);
  }
  // Findings outside `evaluated` (or without `deployments` at all) still get their test case.
  for (const finding of report.findings) add(finding.file, finding.deployment, finding.rule).push(finding);

  const suites = new Map<string, JunitCase[]>();
  const suite = (file: string): JunitCase[] => {
    let cases = suites.get(file);
    if (cases === undefined) {
      cases = [];
      suites.set(file, cases);
    }
    return cases;
  };
  for (const { file, deployment, rule } of order) {
    const list = findings.get(JSON.stringify([file, deployment, rule])) ?? [];
    suite(file).push(ruleCase(deployment, rule, list, failOn));
  }
  for (const problem of report.problems) suite(problem.file).push(problemCase(problem));
  return suites;
}

function ruleCase(deployment: string, rule: string, findings: Finding[], failOn: FailOn): JunitCase {
  const active = findings.filter((f) => !f.waived);
  const failing = active.filter((f) => isFailing(f.severity, false, failOn));
  const passing = active.filter((f) => !isFailing(f.severity, false, failOn));
  const waived = findings.filter((f) => f.waived);
  const testcase: JunitCase = { classname: deployment, name: rule, body: [], outcome: 'passed' };
  if (failing.length > 0) {
    const message = failing.length === 1 ? withResource(failing[0]!.message, failing[0]!.resource) : `${failing.length} findings of ${rule}`;
    testcase.outcome = 'failure';
    testcase.body.push(element('failure', { message, type: rule }, failing.map(describe).join('\n\n')));
  } else if (waived.length > 0) {
    const reasons = [...new Set(waived.map((f) => f.waiver?.reason ?? 'waived'))];
    testcase.outcome = 'skipped';
    testcase.body.push(element('skipped', { message: reasons.join('; ') }, waived.map(describeWaived).join('\n\n')));
  }
  // What does not decide the outcome is still worth seeing in the CI report.
  const notes = [...passing.map(describe), ...(testcase.outcome === 'failure' ? waived.map(describeWaived) : [])];
  if (notes.length > 0) testcase.body.push(element('system-out', {}, notes.join('\n\n')));
  return testcase;
}

function problemCase(problem: Problem): JunitCase {
  const details = [location(problem.file, problem.line, problem.column)];
  if (problem.deployment !== undefined) details.push(`deployment: ${problem.deployment}`);
  if (problem.path !== undefined) details.push(`path: ${problem.path}`);
  if (problem.resource !== undefined) details.push(`resource: ${problem.resource}`);
  return {
    classname: problem.deployment ?? problem.file,
    name: problem.code,
    body: [element('error', { message: withResource(problem.message, problem.resource), type: problem.code }, details.join('\n'))],
    outcome: 'error',
  };
}

function describe(finding: Finding): string {
  const lines = [
    `${finding.severity}: ${withResource(finding.message, finding.resource)}`,
    `at ${location(finding.file, finding.line, finding.column)} (${finding.path})`,
    ...finding.evidence.map((e) => `evidence: ${e.text}`),
    `fix: ${finding.remediation}`,
  ];
  return lines.join('\n');
}

function describeWaived(finding: Finding): string {
  const waiver = finding.waiver;
  const by = waiver === undefined ? 'waived' : `waived by ${waiver.approvedBy} until ${waiver.expiresOn}: ${waiver.reason}`;
  return `${describe(finding)}\n${by}`;
}

function location(file: string, line?: number, column?: number): string {
  if (line === undefined || line < 1) return file;
  return column !== undefined && column >= 1 ? `${file}:${line}:${column}` : `${file}:${line}`;
}

function renderCase(testcase: JunitCase): string[] {
  const open = `    <testcase name="${attr(testcase.name)}" classname="${attr(testcase.classname)}"`;
  if (testcase.body.length === 0) return [`${open}/>`];
  return [`${open}>`, ...testcase.body.map((child) => `      ${child}`), '    </testcase>'];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
