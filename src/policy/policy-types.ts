import type { Limits } from '../input/limits.js';
import type { Concurrency } from '../check/parallel.js';
import type { FileKind } from '../input/file-kind.js';
import type { Finding, Notice, Problem, Report, RuleInfo, RulePackInfo } from '../types.js';

export interface PolicyOptions {
  /** Rule folders; default: the pack shipped inside the package (its rules/ folder). */
  rules?: string | readonly string[];
  /** Approvals registry (JSON or YAML). Without one, approval references are not verified. */
  approvals?: string;
  /** Waivers file (JSON or YAML). */
  waivers?: string;
  /** The run date (YYYY-MM-DD) waivers are judged against; default: today (UTC). */
  asOf?: string;
  /** Base for relative paths; default: process.cwd(). */
  cwd?: string;
  limits?: Partial<Limits>;
  /** 'compiled' (default) evaluates the rules' conditions directly; 'json-rules-engine' runs Engine.run. Both give identical findings. */
  evaluator?: 'compiled' | 'json-rules-engine';
  /**
   * When false (default), a defect in a rule, approvals or waivers file makes loadPolicy throw
   * AccordError. When true, the policy loads what it can and every report carries the problems
   * (so the run still fails with them): what the CLI does.
   */
  keepGoing?: boolean;
}

export interface CheckFilesOptions {
  cwd?: string;
  /** Globs excluded from directory and glob expansion (node_modules and .git never are searched). */
  exclude?: readonly string[];
  /** List each deployment and the rules evaluated on it in `report.deployments` (JUnit needs it). */
  includeDeployments?: boolean;
  /** Called after each file (after each batch of files in a parallel run). */
  onProgress?: (progress: { files: number; deployments: number }) => void;
  /**
   * Threads that check files: 'off' (default: this thread only), 'auto' (half the cores, at most 4,
   * with at least 500 files per thread), or a whole number from 1 to 64. The report is the same either way.
   * JSON and YAML files only: a run with a JSONL file streams it on this thread.
   */
  concurrency?: Concurrency;
}

export interface CheckStreamOptions extends Omit<CheckFilesOptions, 'exclude' | 'cwd'> {
  /** Shown as the file name; default `<stdin>`. */
  name?: string;
  /** Default: detected (JSON when the text is one JSON value, JSONL when it is one object a line, else YAML). */
  format?: FileKind;
}

/**
 * The findings of `policy.check`, an array as before, with its notices beside them: `notices` is
 * not enumerable, so the array serializes and compares as the findings alone.
 */
export type CheckResult = Finding[] & { readonly notices: readonly Notice[] };

export interface Policy {
  readonly rulePack: RulePackInfo;
  readonly rules: readonly RuleInfo[];
  readonly asOf: string;
  /** Defects in the rule, approvals or waivers files (only with keepGoing). */
  readonly problems: readonly Problem[];
  /**
   * Checks one deployment object. Throws AccordError INVALID_DEPLOYMENT, with the schema issues, if
   * it is not a valid manifest. One deployment has no capacity ledger: rules that read it are not
   * evaluated, and the result's `notices` say so when the approval it cites caps its totals.
   */
  check(deployment: unknown): Promise<CheckResult>;
  /** Checks files, directories and globs. Never throws for bad input: it is in `report.problems`. */
  checkFiles(patterns: string | readonly string[], options?: CheckFilesOptions): Promise<Report>;
  /** Checks deployments read from a stream of bytes or text (e.g. process.stdin, a Buffer being a Uint8Array). */
  checkStream(stream: AsyncIterable<Uint8Array | string>, options?: CheckStreamOptions): Promise<Report>;
}
