import type { Finding, Notice, Problem, Report, Severity } from '../types.js';
import type { FormatOptions, Formatter } from './format-types.js';
import { describeTotals, formatMarkdown } from './markdown.js';
import { withResource } from './resource.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow commands the Actions runner turns into annotations; waived findings are left out. */
export const formatGithub: Formatter = (report) => {
  const lines = [
    ...report.findings.filter((f) => !f.waived).map(findingCommand),
    ...report.problems.map(problemCommand),
    ...report.notices.map(noticeCommand),
    // A plain line, not a command: no report data in it, so nothing to escape.
    `accord: ${describeTotals(report.summary)}`,
  ];
  return `${lines.join('\n')}\n`;
};

/** The Markdown for `$GITHUB_STEP_SUMMARY`; the CLI appends it to that file. */
export function formatGithubStepSummary(report: Report, options: FormatOptions): string {
  return formatMarkdown(report, options);
}

function findingCommand(finding: Finding): string {
  const properties = { file: finding.file, line: finding.line, col: finding.column, title: finding.rule };
  return command(COMMANDS[finding.severity], properties, `${withResource(finding.message, finding.resource)}\nFix: ${finding.remediation}`);
}

function problemCommand(problem: Problem): string {
  const file = problem.file === '' ? undefined : problem.file;
  const properties = { file, line: problem.line, col: problem.column, title: `accord ${problem.code}` };
  return command('error', properties, withResource(problem.message, problem.resource));
}

function noticeCommand(notice: Notice): string {
  return command('notice', { file: notice.file, line: notice.line, col: notice.column, title: `accord ${notice.code}` }, withResource(notice.message, notice.resource));
}

function command(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(properties)
    // Positions below 1 mean "unknown": a wrong line is worse than an annotation on the file.
    .filter(([, value]) => value !== undefined && !(typeof value === 'number' && value < 1))
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${list === '' ? '' : ` ${list}`}::${escapeData(message)}`;
}

/** As the runner unescapes command data (actions/toolkit `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As the runner unescapes command properties (actions/toolkit `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
