import type { Provider, Workload } from './deployment.js';

export type Severity = 'error' | 'warning' | 'info';
export type FailOn = 'error' | 'warning' | 'never';

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One condition that held when a rule fired: the field, its actual value, the operator and the expected value. */
export interface Evidence {
  /** The field that was compared, as a dotted path (`spec.provider`, `spec.endpoints[1].hostedOn`) or a derived fact (`approval.status`). */
  path: string;
  actual: unknown;
  operator: string;
  expected: unknown;
  /** The same in words: `spec.provider is "oracle", expected not "azure"`. */
  text: string;
}

export interface WaiverRef {
  rule: string;
  deployment: string;
  reason: string;
  approvedBy: string;
  expiresOn: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  deployment: string;
  file: string;
  line: number;
  column: number;
  /** The field at fault. */
  path: string;
  /** The Terraform resource instance address the field came from, for a deployment derived from a plan. */
  resource?: string;
  /** RFC 6901 pointer to where the field came from in `file` (a plan's tag value, SKU attribute), for a deployment derived from a plan. */
  pointer?: string;
  message: string;
  evidence: Evidence[];
  clause: string;
  /** What to change to comply: the rule's remediation. */
  remediation: string;
  waived: boolean;
  /** The waiver that applies, when `waived` is true. */
  waiver?: WaiverRef;
}

export type ProblemCode =
  | 'NO_MATCH'
  | 'READ_ERROR'
  | 'FILE_TOO_LARGE'
  | 'LINE_TOO_LONG'
  | 'ENCODING_ERROR'
  | 'PARSE_ERROR'
  | 'DUPLICATE_KEY'
  | 'FORBIDDEN_KEY'
  | 'TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_NODES'
  | 'NO_DEPLOYMENTS'
  | 'SCHEMA_ERROR'
  | 'DUPLICATE_NAME'
  | 'RULE_ERROR'
  | 'NO_RULES'
  | 'APPROVALS_ERROR'
  | 'LEDGER_ERROR'
  | 'WAIVERS_ERROR'
  | 'CONFIG_ERROR'
  | 'MAPPING_ERROR'
  | 'TF_NOT_A_PLAN'
  | 'TF_BINARY_PLAN'
  | 'TF_UNSUPPORTED_FORMAT'
  | 'TF_PLAN_ERRORED'
  | 'TF_UNKNOWN_VALUE'
  | 'TF_UNKNOWN_SKU'
  | 'TF_UNRESOLVED_REFERENCE'
  | 'TF_MISSING_FACT'
  | 'TF_INVALID_FACT'
  | 'TF_UNKNOWN_TAG'
  | 'TF_CONFLICTING_FACTS'
  | 'TF_DEFERRED';

/** Something accord could not check: it always makes the run exit 2. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  code: ProblemCode;
  message: string;
  /** The field at fault, when there is one (schema errors, forbidden keys). */
  path?: string;
  deployment?: string;
  /** The Terraform resource instance address it concerns (plans). */
  resource?: string;
  /** RFC 6901 pointer into `file` (plans, mapping files). */
  pointer?: string;
}

export type NoticeCode =
  | 'APPROVALS_NOT_VERIFIED'
  | 'RULE_OUT_OF_WINDOW'
  | 'WAIVER_EXPIRED'
  | 'WAIVER_EXPIRING'
  | 'WAIVER_UNUSED'
  | 'WAIVER_UNKNOWN_RULE'
  | 'LEDGER_NOT_COMPUTED'
  | 'NOT_A_MANIFEST'
  | 'TF_NO_DEPLOYMENTS'
  | 'TF_PARTIAL_PLAN'
  | 'TF_MAPPING_UNUSED'
  | 'TF_SENSITIVE_FACT';

/** Information that does not change the exit code. */
export interface Notice {
  code: NoticeCode;
  message: string;
  rule?: string;
  deployment?: string;
  /** Where the notice points, when it is about a place in a file (a waiver naming an unknown rule). */
  file?: string;
  line?: number;
  column?: number;
  /** The Terraform resource instance address it concerns (plans). */
  resource?: string;
  /** RFC 6901 pointer into `file` (plans, mapping files). */
  pointer?: string;
}

export interface RulePackInfo {
  name: string;
  version: string;
  /** sha256 over the pack's rule files (names and bytes, in name order). */
  sha256: string;
  rules: number;
}

export interface Summary {
  files: number;
  deployments: number;
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
  problems: number;
}

/** One deployment, what it is, and the rules evaluated on it (collected with `includeDeployments`). */
export interface CheckedDeployment {
  name: string;
  file: string;
  line: number;
  column: number;
  /** Rule ids evaluated on it (inside their effective window). */
  evaluated: string[];
  provider: Provider;
  workload: Workload;
  gpus: number;
  megawatts?: number;
  /** The go-live date (`metadata.date`). */
  date: string;
  /** The cited approval (`spec.approval.reference`). */
  approval?: string;
}

/** A waiver of the run and where it stands on the run date. */
export interface WaiverStatus extends WaiverRef {
  /** `expired` before the run date (it suppresses nothing), `expiring` within 30 days of it, else `active`. */
  status: 'active' | 'expiring' | 'expired';
  /** Whether it waived a finding in this run. */
  used: boolean;
}

/** What a rule is, for formatters (SARIF rules[], `accord rules`). */
export interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
  clause: string;
  source: string;
  effective: { from?: string; until?: string };
  message: string;
  remediation: string;
  /** json-rules-engine conditions that describe the violation. */
  conditions: RuleCondition;
  /** An array field the conditions run over, one finding per offending element. */
  each?: string;
  /** The field a finding points at. */
  at?: string;
  file: string;
}

export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; path?: string; operator: string; value: unknown };

/**
 * One deployment in the ledger of the approval it cites. `line` and `column` are those of its
 * `spec.approval.reference` (where the ledger's findings point); with `provider` and `workload`
 * they make each row hold every fact a ledger rule may read, so findings can be recomputed from
 * reports alone (a merge of shards).
 */
export interface LedgerDeployment {
  name: string;
  file: string;
  line: number;
  column: number;
  /** The go-live date (`metadata.date`). */
  date: string;
  provider: string;
  workload: string;
  gpus: number;
  megawatts?: number;
  /** GPUs of this deployment and every one before it in the ledger. */
  cumulativeGpus: number;
  /** The same for megawatts; absent from the first deployment without `megawatts` on. */
  cumulativeMegawatts?: number;
}

/** The deployments an approval with a total cap covers, in go-live order (then name), with running totals. */
export interface LedgerEntry {
  approval: string;
  maxTotalGpus?: number;
  maxTotalMegawatts?: number;
  deployments: LedgerDeployment[];
}

export interface Report {
  version: 1;
  tool: { name: string; version: string };
  rulePack: RulePackInfo;
  /** The run date: waivers are judged as of it. */
  asOf: string;
  summary: Summary;
  /** Sorted by file, line, column, rule. */
  findings: Finding[];
  problems: Problem[];
  notices: Notice[];
  /** The rules of the pack, in id order. */
  rules: RuleInfo[];
  /** Present when the check was asked to include them (JUnit and HTML need them). */
  deployments?: CheckedDeployment[];
  /**
   * Present whenever an approvals registry was given and loaded: one entry per approval with a
   * total cap (maxTotalGpus or maxTotalMegawatts) that covers at least one deployment of the run,
   * sorted by reference.
   */
  ledger?: LedgerEntry[];
  /** Every waiver of the waivers file, in file order; present when the run has waivers. */
  waivers?: WaiverStatus[];
  /** Present only in the report of a shard (`--shard K/N`): what `accord merge` needs besides the rest. */
  shard?: ShardState;
}

/** Shard K of N (1 <= index <= count). */
export interface ShardSpec {
  index: number;
  count: number;
}

/** A deployment's name and where it starts. */
export interface NamePlace {
  name: string;
  file: string;
  line: number;
  column: number;
}

/** What a shard's report carries so that a merge of every shard is the report of one run. */
export interface ShardState extends ShardSpec {
  /** Every file of the run (all shards), in the order one run reads them. */
  files: string[];
  /** Every valid deployment of the shard, in its order: duplicate names are found across shards. */
  names: NamePlace[];
  /** Whether an approvals registry was given, and the deployments citing an approval without one. */
  approvalsGiven: boolean;
  unverifiedApprovals: number;
  /** Per rule, the deployments skipped by its window: how many, and the first five. */
  outOfWindow: { rule: string; count: number; first: NamePlace[] }[];
  /** Indexes (in `waivers`) of the waivers used by findings other than the ledger's, and where each waiver's `rule` is written. */
  usedWaivers: number[];
  waiverPlaces: ({ file: string } & Position)[];
  /** The files whose documents were skipped as other tools' (NOT_A_MANIFEST), with how many, in the shard's order. */
  skipped: { file: string; documents: number }[];
}

/** Resource limits on untrusted input; each answers a threat listed in the README's Security section. */
export interface Limits {
  /** Largest JSON or YAML file read (JSONL is streamed and bounded per line instead). */
  maxFileBytes: number;
  /** Largest Terraform plan read: a file (or stdin) whose text starts with `{"format_version"`, as `terraform show -json` writes it. */
  maxPlanBytes: number;
  /** Longest JSONL line. */
  maxLineBytes: number;
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Most YAML alias uses in one document. */
  maxAliases: number;
  /** Most YAML nodes in one file, counted as lines plus flow items (JSON and JSONL are parsed natively and need no such limit). */
  maxYamlNodes: number;
}

export interface PolicyOptions {
  /** Rule folders; default: the pack shipped inside the package (its rules/ folder). */
  rules?: string | readonly string[];
  /** Approvals registry (JSON or YAML). Without one, approval references are not verified. */
  approvals?: string;
  /** Waivers file (JSON or YAML). */
  waivers?: string;
  /** Terraform mapping file (`kind: TerraformMapping`, JSON or YAML): facts and GPU counts for plans that tags cannot give. */
  terraformMapping?: string;
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
  /**
   * Check only shard `index` of `count` (1-based): the files whose display path hashes to it, and
   * the records of a JSONL file that do (see docs/ci.md). The report then carries `shard`, for `accord merge`.
   */
  shard?: ShardSpec;
  /**
   * Treat the files named like files found in a folder: a JSON or YAML document that is plainly not
   * an accord manifest (no apiVersion, or another tool's) is skipped and counted in a NOT_A_MANIFEST
   * notice, not a problem. For hooks, which name every staged file (`accord check --discover`).
   */
  discover?: boolean;
}

export interface MergeOptions {
  /** The rule folders the shards were checked with; default: the bundled pack. They must hash to the reports' pack. */
  rules?: string | readonly string[];
  /** Base for relative rule folders; default: process.cwd(). */
  cwd?: string;
  /** Keep the shards' `deployments` in the merged report (JUnit and HTML need them). */
  includeDeployments?: boolean;
}

export interface CheckStreamOptions extends Omit<CheckFilesOptions, 'exclude' | 'cwd' | 'shard' | 'discover'> {
  /** Shown as the file name; default `<stdin>`. */
  name?: string;
  /**
   * The input format, one of `inputFormats` ('json', 'yaml', 'jsonl'); default: detected (JSON when
   * the text is one JSON value, JSONL when it is one object a line, else YAML).
   */
  format?: string;
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
  /**
   * Checks a Terraform plan (`terraform show -json plan.out`) a script already holds: the parsed
   * value, or its text (whose positions the report then gives). Never throws for bad input: what
   * is wrong with the plan is in `report.problems`.
   */
  checkPlan(plan: unknown, options?: CheckPlanOptions): Promise<Report>;
}

export interface CheckPlanOptions extends Pick<CheckFilesOptions, 'includeDeployments'> {
  /** The plan's display path in the report; default `<plan>`. */
  file?: string;
  /** A Terraform mapping (`kind: TerraformMapping`) as a value; default: the policy's `terraformMapping` file. */
  mapping?: unknown;
}
