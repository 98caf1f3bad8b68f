import type { FailOn, Finding, Report, Summary } from '../types.js';
import type { Formatter } from './format-types.js';
import { isFailing } from './exit-code.js';
import { withResource } from './resource.js';

export const formatMarkdown: Formatter = (report, options) => {
  const active = report.findings.filter((f) => !f.waived);
  const waived = report.findings.filter((f) => f.waived);
  const sections = [
    `## ${verdict(report, active, options.failOn)}`,
    `${describeTotals(report.summary)}.`,
    totalsTable(report.summary),
    rulePackLine(report),
    findingsSection(active),
    fixSection(active),
    waived.length > 0 ? waivedSection(waived) : '',
    listSection(
      'Problems',
      report.problems.map((p) => {
        const where = location(p.file, p.line, p.column);
        return `**${p.code}** ${where === '' ? '' : `${inline(where)}: `}${inline(withResource(p.message, p.resource))}`;
      }),
    ),
    listSection('Notices', report.notices.map((n) => `**${n.code}** ${inline(withResource(n.message, n.resource))}`)),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
};

/** `2 errors, 1 warning, 0 infos, 1 waived, 0 problems in 3 deployments (2 files)`: shared with the GitHub format. */
export function describeTotals(summary: Summary): string {
  const counts = [
    plural(summary.errors, 'error'),
    plural(summary.warnings, 'warning'),
    plural(summary.infos, 'info'),
    `${summary.waived} waived`,
    plural(summary.problems, 'problem'),
  ];
  return `${counts.join(', ')} in ${plural(summary.deployments, 'deployment')} (${plural(summary.files, 'file')})`;
}

function verdict(report: Report, active: Finding[], failOn: FailOn): string {
  if (report.problems.length > 0) return '❌ accord: could not check everything';
  if (active.some((f) => isFailing(f.severity, false, failOn))) return '❌ accord: failed';
  return '✅ accord: passed';
}

function totalsTable(summary: Summary): string {
  const { files, deployments, errors, warnings, infos, waived, problems } = summary;
  return table(
    ['Files', 'Deployments', 'Errors', 'Warnings', 'Infos', 'Waived', 'Problems'],
    [[files, deployments, errors, warnings, infos, waived, problems].map(String)],
  );
}

function rulePackLine(report: Report): string {
  const pack = report.rulePack;
  return `Rule pack **${inline(pack.name)}** ${inline(pack.version)} (sha256 \`${pack.sha256.slice(0, 12)}\`, ${plural(pack.rules, 'rule')}), as of ${inline(report.asOf)}.`;
}

function findingsSection(active: Finding[]): string {
  if (active.length === 0) return '### Findings\n\nNo active findings.';
  const rows = active.map((f) => [location(f.file, f.line), f.deployment, f.rule, f.severity, withResource(f.message, f.resource)].map(inline));
  return `### Findings\n\n${table(['Location', 'Deployment', 'Rule', 'Severity', 'Message'], rows)}`;
}

/** One line per rule with active findings: the same fix repeated on every row would hide the table. */
function fixSection(active: Finding[]): string {
  const fixes = new Map(active.map((f) => [f.rule, f.remediation]));
  const items = [...fixes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, fix]) => `**${inline(rule)}**: ${inline(fix)}`);
  return listSection('How to fix', items);
}

function waivedSection(waived: Finding[]): string {
  const rows = waived.map((f) =>
    [location(f.file, f.line), f.deployment, f.rule, f.waiver?.reason ?? '', f.waiver?.approvedBy ?? '', f.waiver?.expiresOn ?? ''].map(
      inline,
    ),
  );
  const body = table(['Location', 'Deployment', 'Rule', 'Reason', 'Approved by', 'Expires'], rows);
  // The blank lines let GitHub render the table inside the HTML block.
  return `<details>\n<summary>${plural(waived.length, 'waived finding')}</summary>\n\n${body}\n\n</details>`;
}

function listSection(title: string, items: string[]): string {
  if (items.length === 0) return '';
  return `### ${title}\n\n${items.map((item) => `- ${item}`).join('\n')}`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function location(file: string, line?: number, column?: number): string {
  if (line === undefined || line < 1) return file;
  return column !== undefined && column >= 1 ? `${file}:${line}:${column}` : `${file}:${line}`;
}

/**
 * Report text is data, not Markdown: escape what would format, link or break a table row,
 * and turn newlines into `<br>` so a value stays in its cell or list item.
 */
function inline(value: string): string {
  return value
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
