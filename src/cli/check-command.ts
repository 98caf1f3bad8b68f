import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exitCode, formatNames, formatReport, inputFormats, loadConfig, loadPolicy, summaryLine, type FailOn, type FormatName, type Limits, type Report } from '../index.js';
import { useColor, write, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { choiceError } from './suggest.js';
import { UsageError } from './usage-error.js';

export interface CheckFlags {
  rules?: string[];
  approvals?: string;
  waivers?: string;
  terraformMapping?: string;
  asOf?: string;
  format?: string;
  output?: string;
  failOn?: string;
  config?: string;
  exclude?: string[];
  discover?: boolean;
  stdinFormat?: string;
  evaluator?: string;
  shard?: string;
  maxFileBytes?: number;
  maxPlanBytes?: number;
  maxLineBytes?: number;
  maxDepth?: number;
  maxAliases?: number;
  maxYamlNodes?: number;
}

const failOnValues: readonly FailOn[] = ['error', 'warning', 'never'];

export async function runCheckCommand(paths: string[], flags: CheckFlags, io: CliIo): Promise<number> {
  const loaded = await loadConfig(flags.config, io.cwd);
  const config = loaded?.config ?? {};
  const configDir = loaded?.dir ?? io.cwd;
  const fromConfig = (p: string): string => path.resolve(configDir, p);
  // Globs of a config file in another folder, rebased on the working directory: reports show paths
  // relative to it (annotations and SARIF URIs must be), whichever folder the config is in.
  const fromConfigGlob = (p: string): string =>
    configDir === io.cwd || p === '-' ? p : path.relative(io.cwd, path.resolve(configDir, p)).split(path.sep).join('/') || '.';

  const format = choose<FormatName>(flags.format ?? config.format ?? 'text', formatNames, '--format');
  const failOn = choose<FailOn>(flags.failOn ?? config.failOn ?? 'error', failOnValues, '--fail-on');
  const stdinFormat = flags.stdinFormat === undefined ? undefined : choose(flags.stdinFormat, inputFormats, '--stdin-format');
  const evaluator = flags.evaluator === undefined ? undefined : choose(flags.evaluator, ['compiled', 'json-rules-engine'] as const, '--evaluator');
  const limits: Partial<Limits> = { ...config.limits };
  for (const key of ['maxFileBytes', 'maxPlanBytes', 'maxLineBytes', 'maxDepth', 'maxAliases', 'maxYamlNodes'] as const) {
    if (flags[key] !== undefined) limits[key] = flags[key];
  }

  let patterns = paths;
  if (patterns.length === 0) {
    if (!config.include || config.include.length === 0) {
      throw new UsageError('nothing to check: give files, directories or globs (e.g. `accord check deployments/`), `-` for stdin, or set "include" in accord.config.json');
    }
    patterns = config.include.map(fromConfigGlob);
  }
  const useStdin = patterns.includes('-');
  if (useStdin && patterns.length > 1) throw new UsageError('`-` (stdin) cannot be combined with paths');
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (shard && useStdin) throw new UsageError('--shard splits files, not stdin: give paths or globs');

  const policy = await loadPolicy({
    rules: flags.rules ?? config.rules?.map(fromConfig),
    approvals: flags.approvals ?? (config.approvals === undefined ? undefined : fromConfig(config.approvals)),
    waivers: flags.waivers ?? (config.waivers === undefined ? undefined : fromConfig(config.waivers)),
    terraformMapping: flags.terraformMapping ?? (config.terraformMapping === undefined ? undefined : fromConfig(config.terraformMapping)),
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    cwd: io.cwd,
    limits,
    ...(evaluator ? { evaluator } : {}),
    keepGoing: true,
  });
  const progress = createProgress(io);
  // JUnit lists a test case per deployment and rule; the HTML report charts the deployments.
  // A shard's report always lists them: the merge may be asked for either.
  const includeDeployments = format === 'junit' || format === 'html' || shard !== undefined;
  let report: Report;
  try {
    report = useStdin
      ? await policy.checkStream(io.stdin, { includeDeployments, ...(stdinFormat ? { format: stdinFormat } : {}), onProgress: progress.update })
      : await policy.checkFiles(patterns, { cwd: io.cwd, exclude: flags.exclude ?? config.exclude?.map(fromConfigGlob) ?? [], includeDeployments, discover: flags.discover === true, onProgress: progress.update, ...(shard ? { shard } : {}) });
  } finally {
    progress.done();
  }

  return emitReport(report, format, failOn, flags.output, io);
}

/**
 * Writes a report in `format` to stdout (or to `output`, with the summary line on stderr), adds the
 * Markdown job summary in GitHub Actions, and gives the exit code: the end of check and of merge.
 */
export async function emitReport(report: Report, format: FormatName, failOn: FailOn, output: string | undefined, io: CliIo): Promise<number> {
  const color = format === 'text' && !output && useColor(io.stdout, io.env);
  const text = formatReport(report, format, { failOn, color });
  if (output) {
    writeOutput(path.resolve(io.cwd, output), text);
    await write(io.stderr, `${summaryLine(report)}\n`);
  } else {
    await write(io.stdout, text);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (format === 'github' && summaryFile) appendFileSync(summaryFile, formatReport(report, 'markdown', { failOn, color: false }));
  return exitCode(report, failOn);
}

/** Creates the report's folder (CI jobs write to e.g. reports/accord.sarif); a failed write is the caller's to fix. */
function writeOutput(file: string, output: string): void {
  try {
    makeDirs(path.dirname(file));
    writeFileSync(file, output);
  } catch (error) {
    throw new UsageError(`cannot write --output ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** mkdir -p one level at a time: Node's recursive mkdir spins forever where mkdir answers ENOENT for a parent that exists (/proc). */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = path.dirname(current)) {
    if (path.dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const folder of missing) mkdirSync(folder);
}

/** `K/N`, 1 <= K <= N. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d{1,9})\/(\d{1,9})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || index > count) throw new UsageError(`--shard must be K/N with 1 <= K <= N (e.g. 2/5), got "${text}"`);
  return { index, count };
}

export function choose<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw choiceError(flag, value, allowed);
}
