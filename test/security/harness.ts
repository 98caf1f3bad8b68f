// The hostile-input matrix of issue 5 runs every case twice, through the CLI (a real process,
// bounded in time and heap) and through the library (loadPolicy().checkFiles), and holds both
// to the same fail-closed contract: the hostile input is a problem naming its file (and line and
// column where there is one) in words a person understands, the run exits 2, the good file next to
// it is still checked and its finding reported, and nothing prints a stack trace.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { exitCode, loadPolicy, type CheckFilesOptions, type PolicyOptions, type Problem, type ProblemCode, type Report } from '../../src/index.js';
import { manifestYaml } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { openUp, type TestUser } from './test-user.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = path.join(repoRoot, 'bin', 'accord.cjs');
export const bundledRulesDir = path.join(repoRoot, 'rules');

/** Every case must finish well inside this; a hang is killed and fails the test. */
export const TIME_LIMIT_MS = 30_000;
/**
 * The CLI runs with a capped heap, so "bounded memory" is tested: an input that makes it balloon
 * (an alias bomb expanded, a loader holding a 50 MB line) crashes the run and fails the test.
 * 1 GiB is about 100 times the largest file read whole (maxFileBytes, 10 MiB).
 */
export const CLI_HEAP_MB = 1024;

/** The good file of every case: valid, with exactly one violation (the API on Oracle). */
export const GOOD_FILE = 'good.yaml';
export const GOOD_NAME = 'good-violator';
export const GOOD_RULE = 'api-exclusive-to-azure';
export const goodViolating = manifestYaml({ name: GOOD_NAME, provider: 'oracle' });

/** A Node stack frame as printed by an uncaught error. */
const STACK_FRAME = /\n {4}at /;

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export interface CliOptions {
  cwd: string;
  /** Run as this user, whom file modes hold (see test-user.ts), with the CLI this user can reach. */
  as?: TestUser;
  /** Extra node flags before the script, e.g. ['--import', preload]. */
  nodeArgs?: readonly string[];
  input?: string | Uint8Array;
}

/** `accord check <args>` in a child process, killed after TIME_LIMIT_MS. */
export function runCli(args: readonly string[], options: CliOptions): CliRun {
  const nodeArgv = [`--max-old-space-size=${CLI_HEAP_MB}`, ...(options.nodeArgs ?? []), options.as?.cliPath ?? cliPath, 'check', ...args];
  const started = performance.now();
  const result = spawnSync(process.execPath, nodeArgv, {
    ...options.as?.spawnAs,
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 512 * 1024 * 1024,
    // A clean environment: no ACCORD_DEBUG (which prints stacks on purpose), no CI, no colour.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC' },
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    timedOut: (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
    ms: performance.now() - started,
  };
}

/** The exit of a CLI run that must have finished on its own, without a crash or a stack trace. */
export function expectCleanExit(run: CliRun, expectedStatus: number | readonly number[]): void {
  const context = `exit ${run.status} signal ${run.signal} after ${Math.round(run.ms)} ms\nstderr: ${run.stderr.slice(0, 2000)}`;
  expect(run.timedOut, `the CLI did not finish within ${TIME_LIMIT_MS} ms`).toBe(false);
  expect(run.signal, context).toBeNull();
  if (typeof expectedStatus === 'number') expect(run.status, context).toBe(expectedStatus);
  else expect(expectedStatus, context).toContain(run.status);
  expect(run.stderr, 'a stack trace on stderr').not.toMatch(STACK_FRAME);
  expect(run.stdout, 'a stack trace on stdout').not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(/internal error|FATAL ERROR|heap out of memory/i);
}

/** The JSON report a `--format json` run printed. */
export function cliReport(run: CliRun): Report {
  let report: Report;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`the CLI did not print a JSON report (exit ${run.status}); stdout: ${run.stdout.slice(0, 500)}; stderr: ${run.stderr.slice(0, 500)}`);
  }
  return report;
}

export interface LibraryRun {
  report: Report;
  ms: number;
}

export async function runLibrary(
  cwd: string,
  patterns: readonly string[],
  policyOptions: PolicyOptions = {},
  checkOptions: CheckFilesOptions = {},
  as?: TestUser,
): Promise<LibraryRun> {
  const started = performance.now();
  const policy = await loadPolicy({ cwd, keepGoing: true, ...policyOptions });
  const check = () => policy.checkFiles(patterns, { cwd, ...checkOptions });
  // With `as`, only the check runs as that user: the rule pack and the modules accord imports on
  // first use are in the checkout, which that user may not be able to enter. The policy is loaded,
  // and a first check makes those imports, as the test's own user.
  if (as) await check();
  const report = as ? await as.run(check) : await check();
  const ms = performance.now() - started;
  expect(ms, 'the library did not finish in bounded time').toBeLessThan(TIME_LIMIT_MS);
  return { report, ms };
}

export interface ExpectedProblem {
  file: string;
  code: ProblemCode;
  /** Omit when the problem has no position (a file that cannot be read, an empty folder). */
  line?: number;
  column?: number;
  path?: string;
  /** Key words the message must hold, so a person can tell what is wrong. */
  words: readonly RegExp[];
}

/** Whether `problem` is the expected one (file, code, position, path and words). */
function matches(problem: Problem, expected: ExpectedProblem): boolean {
  if (problem.file !== expected.file || problem.code !== expected.code) return false;
  if (expected.line !== undefined && problem.line !== expected.line) return false;
  if (expected.column !== undefined && problem.column !== expected.column) return false;
  if (expected.path !== undefined && problem.path !== expected.path) return false;
  return expected.words.every((word) => word.test(problem.message));
}

/** Every problem is one a person can read: a file, a short message, no stack frames. */
export function expectReadableProblems(report: Report): void {
  for (const problem of report.problems) {
    expect(problem.file, JSON.stringify(problem)).not.toBe('');
    expect(problem.message.length, `message too long to read: ${problem.message.slice(0, 200)}…`).toBeLessThanOrEqual(1000);
    expect(problem.message).not.toMatch(STACK_FRAME);
    expect(problem.message).not.toMatch(/\[object Object\]|undefined|NaN/);
  }
}

export interface GoodFinding {
  file: string;
  rule: string;
  deployment: string;
}

export const goodFinding: GoodFinding = { file: GOOD_FILE, rule: GOOD_RULE, deployment: GOOD_NAME };

/** The report's verdict on a run holding one hostile input and one good file. */
export function expectFailClosed(report: Report, expected: readonly ExpectedProblem[], good: GoodFinding | null = goodFinding): void {
  const shown = JSON.stringify(report.problems, null, 1).slice(0, 4000);
  for (const problem of expected) {
    expect(report.problems.some((p) => matches(p, problem)), `expected problem ${JSON.stringify({ ...problem, words: problem.words.map(String) })}\nin ${shown}`).toBe(true);
  }
  expectReadableProblems(report);
  if (good) {
    const found = report.findings.filter((f) => f.file === good.file && f.rule === good.rule && f.deployment === good.deployment);
    expect(found, `the good file's finding is missing: ${JSON.stringify(report.findings.map((f) => [f.file, f.rule]))}`).toHaveLength(1);
    expect(found[0]?.waived).toBe(false);
    // The hostile input must not spill onto the good file: it is checked as if alone.
    expect(report.problems.filter((p) => p.file === good.file), 'a problem on the good file').toEqual([]);
  }
  expect(report.summary.problems).toBe(report.problems.length);
  expect(exitCode(report, 'error')).toBe(2);
  expect(exitCode(report, 'never'), 'problems must fail the run even with --fail-on never').toBe(2);
}

/** CLI and library must agree on what they found: same problems, same findings. */
export function expectSameVerdict(cli: Report, library: Report): void {
  expect(cli.problems).toEqual(library.problems);
  expect(cli.findings).toEqual(library.findings);
  expect(cli.summary).toEqual(library.summary);
}

export interface HostileCase {
  /** Files to write next to good.yaml (relative path → content). */
  files?: Record<string, string | Uint8Array>;
  /** Anything else to set up (symlinks, folders, permissions). */
  setup?: (dir: TempDir) => Promise<void>;
  /** What to check; default: the whole folder. */
  patterns?: readonly string[];
  /** Extra CLI flags (rules, approvals, waivers), and the same for the library. */
  cliArgs?: (dir: TempDir) => readonly string[];
  policy?: (dir: TempDir) => PolicyOptions;
  expected: (dir: TempDir) => readonly ExpectedProblem[];
  good?: GoodFinding | null;
  /** Extra checks on each report (CLI and library). */
  also?: (report: Report, dir: TempDir) => void;
  /** Run both as this user, whom file modes hold (see test-user.ts); the folder is made where the user can enter it. */
  as?: TestUser;
  /** Extra node flags for the CLI (a preload that changes the file system mid-run). */
  nodeArgs?: (dir: TempDir) => readonly string[];
  /** Options for the library's checkFiles (an onProgress that changes the file system mid-run). */
  checkOptions?: (dir: TempDir) => CheckFilesOptions;
}

/**
 * One row of the matrix: a folder with good.yaml and the hostile input, checked by the CLI and by
 * the library, both held to the fail-closed contract.
 */
export async function expectHostile(c: HostileCase): Promise<{ cli: Report; library: Report }> {
  const dir = await makeTempDir('accord-hostile-', c.as?.base);
  try {
    const writeAll = async (): Promise<void> => {
      await dir.write(GOOD_FILE, goodViolating);
      for (const [name, content] of Object.entries(c.files ?? {})) await dir.write(name, content);
      // The other user may enter the folder and read what the case does not lock (whatever the umask).
      if (c.as) openUp(dir.dir);
      await c.setup?.(dir);
    };
    await writeAll();
    const patterns = c.patterns ?? ['.'];
    const expected = c.expected(dir);
    const good = c.good === undefined ? goodFinding : c.good;

    const run = runCli([...patterns, '--format', 'json', ...(c.cliArgs?.(dir) ?? [])], { cwd: dir.dir, as: c.as, nodeArgs: c.nodeArgs?.(dir) ?? [] });
    expectCleanExit(run, 2);
    const cli = cliReport(run);
    expectFailClosed(cli, expected, good);
    c.also?.(cli, dir);

    // A case that changes the folder while it runs gets it back as it was.
    if (c.nodeArgs || c.checkOptions) await writeAll();
    const { report: library } = await runLibrary(dir.dir, patterns, c.policy?.(dir) ?? {}, c.checkOptions?.(dir) ?? {}, c.as);
    expectFailClosed(library, expected, good);
    c.also?.(library, dir);
    expectSameVerdict(cli, library);
    return { cli, library };
  } finally {
    if (c.as) openUp(dir.dir);
    await dir.cleanup();
  }
}

/** 1-based line and column of a string offset, computed independently of the loaders. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
