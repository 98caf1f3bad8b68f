import type { Limits } from '../input/limits.js';
import type { FileKind } from '../input/file-kind.js';
import type { Finding, Problem, Report, RuleInfo, RulePackInfo } from '../types.js';

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
  /** Called after each file (and every 10,000 deployments of a long JSONL file). */
  onProgress?: (progress: { files: number; deployments: number }) => void;
}

export interface CheckStreamOptions extends Omit<CheckFilesOptions, 'exclude' | 'cwd'> {
  /** Shown as the file name; default `<stdin>`. */
  name?: string;
  /** Default: detected (JSON when the text is one JSON value, JSONL when it is one object a line, else YAML). */
  format?: FileKind;
}

export interface Policy {
  readonly rulePack: RulePackInfo;
  readonly rules: readonly RuleInfo[];
  readonly asOf: string;
  /** Defects in the rule, approvals or waivers files (only with keepGoing). */
  readonly problems: readonly Problem[];
  /** Checks one deployment object. Throws AccordError INVALID_DEPLOYMENT, with the schema issues, if it is not a valid manifest. */
  check(deployment: unknown): Promise<Finding[]>;
  /** Checks files, directories and globs. Never throws for bad input: it is in `report.problems`. */
  checkFiles(patterns: string | readonly string[], options?: CheckFilesOptions): Promise<Report>;
  /** Checks deployments read from a stream (e.g. process.stdin). */
  checkStream(stream: AsyncIterable<Buffer | string>, options?: CheckStreamOptions): Promise<Report>;
}
