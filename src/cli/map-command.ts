import { stringify } from 'yaml';
import { defaultLimits, mapPlanFile, type Limits, type Notice, type Problem } from '../index.js';
import { write, type CliIo } from './io.js';

export interface MapFlags {
  terraformMapping?: string | undefined;
  format: 'yaml' | 'json';
  limits: { maxPlanBytes?: number | undefined; maxDepth?: number | undefined };
}

/** `accord map PLAN`: the derived manifests on stdout, problems and notices on stderr; exit 2 on a problem. */
export async function runMapCommand(plan: string, flags: MapFlags, io: CliIo): Promise<number> {
  const limits: Limits = { ...defaultLimits };
  if (flags.limits.maxPlanBytes !== undefined) limits.maxPlanBytes = flags.limits.maxPlanBytes;
  if (flags.limits.maxDepth !== undefined) limits.maxDepth = flags.limits.maxDepth;
  const mapped = await mapPlanFile(plan, { cwd: io.cwd, limits, ...(flags.terraformMapping === undefined ? {} : { terraformMapping: flags.terraformMapping }) });
  if (flags.format === 'json') await write(io.stdout, `${JSON.stringify(mapped.manifests, null, 2)}\n`);
  else if (mapped.manifests.length > 0) await write(io.stdout, mapped.manifests.map((m) => stringify(m, { lineWidth: 0 })).join('---\n'));
  const lines = [...mapped.problems.map(problemLine), ...mapped.notices.map(noticeLine)];
  if (lines.length > 0) await write(io.stderr, `${lines.join('\n')}\n`);
  return mapped.problems.length > 0 ? 2 : 0;
}

function where(file: string | undefined, line: number | undefined, column: number | undefined): string {
  return file === undefined ? '' : line ? `${file}:${line}:${column ?? 1}  ` : `${file}  `;
}

function problemLine(p: Problem): string {
  return `${where(p.file, p.line, p.column)}problem  ${p.code}  ${oneLine(p.message)}`;
}

function noticeLine(n: Notice): string {
  return `${where(n.file, n.line, n.column)}notice  ${n.code}  ${oneLine(n.message)}`;
}

/** Plan text is untrusted: a newline or escape sequence in it must not forge output lines. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => (ch === '\n' ? '\\n' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
