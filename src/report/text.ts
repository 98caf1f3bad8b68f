import picocolors from 'picocolors';

type Colors = ReturnType<typeof picocolors.createColors>;
import type { Finding, Problem, Report } from '../types.js';
import type { Formatter } from './format-types.js';
import { withResource } from './resource.js';

type Entry = { file: string; line: number; column: number; lines: string[] };

/** Human output: grouped by file, `file:line:col  severity  rule  message`, evidence beneath, a summary last. */
export const formatText: Formatter = (report, options) => {
  const c = picocolors.createColors(options.color);
  const groups = new Map<string, Entry[]>();
  const add = (entry: Entry): void => {
    const list = groups.get(entry.file) ?? [];
    list.push(entry);
    groups.set(entry.file, list);
  };
  for (const problem of report.problems) add(problemEntry(problem, c));
  for (const finding of report.findings) add(findingEntry(finding, c));

  const out: string[] = [];
  for (const file of [...groups.keys()].sort()) {
    out.push(c.underline(file));
    const entries = (groups.get(file) as Entry[]).sort((a, b) => a.line - b.line || a.column - b.column);
    for (const entry of entries) out.push(...entry.lines);
    out.push('');
  }
  for (const notice of report.notices) out.push(`${c.cyan('notice')}  ${notice.message}`);
  if (report.notices.length > 0) out.push('');
  out.push(summaryLine(report, c));
  return `${out.join('\n')}\n`;
};

function location(file: string, line?: number, column?: number): string {
  return line ? `${file}:${line}:${column ?? 1}` : file;
}

function findingEntry(f: Finding, c: Colors): Entry {
  const severity = f.waived ? c.dim('waived ') : f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
  const lines = [`  ${location(f.file, f.line, f.column)}  ${severity}  ${c.bold(f.rule)}  ${oneLine(withResource(f.message, f.resource))}`];
  for (const e of f.evidence) lines.push(c.dim(`      ${oneLine(e.text)}`));
  lines.push(`      ${c.green('fix:')} ${oneLine(f.remediation)}`);
  if (f.waived && f.waiver) lines.push(c.dim(`      waived until ${f.waiver.expiresOn} by ${oneLine(f.waiver.approvedBy)}: ${oneLine(f.waiver.reason)}`));
  return { file: f.file, line: f.line, column: f.column, lines };
}

function problemEntry(p: Problem, c: Colors): Entry {
  const lines = [`  ${location(p.file, p.line, p.column)}  ${c.magenta('problem')}  ${c.bold(p.code)}  ${oneLine(withResource(p.message, p.resource))}`];
  return { file: p.file, line: p.line ?? 0, column: p.column ?? 0, lines };
}

/** Manifest text is untrusted: a newline or escape sequence in it must not forge output lines. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? ' ' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function summaryLine(report: Report, c: Colors = picocolors.createColors(false)): string {
  const s = report.summary;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info'), `${s.waived} waived`, plural(s.problems, 'problem')];
  const mark = s.problems > 0 ? c.magenta('✖') : s.errors > 0 ? c.red('✖') : s.warnings > 0 ? c.yellow('⚠') : c.green('✔');
  const pack = `${report.rulePack.name} ${report.rulePack.version} (${report.rulePack.rules} rules, sha256 ${report.rulePack.sha256.slice(0, 12)})`;
  return `${mark} ${parts.join(', ')} in ${plural(s.deployments, 'deployment')} (${plural(s.files, 'file')}); rule pack ${pack}; as of ${report.asOf}`;
}
