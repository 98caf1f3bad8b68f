// The data the HTML report's script reads: built from the report in Node (page-model.ts), read in
// the browser (page/). Types only, so both sides compile it.
import type { LedgerEntry, Notice, Problem, Severity, WaiverRef, WaiverStatus } from '../../types.js';

export type LedgerView = Omit<LedgerEntry, 'deployments'> & { deployments: Omit<LedgerEntry['deployments'][number], 'file'>[] };

export interface PageModel {
  asOf: string;
  /** How many deployments the report lists; null when it lists none (a report made without `includeDeployments`). */
  listedDeployments: number | null;
  quarters: QuarterSeries;
  /** The report's ledger, without what the page does not show (files). */
  ledger: LedgerView[];
  /** By expiry date, then rule and deployment pattern. */
  waivers: WaiverStatus[];
  /** The report's rules (an array, not a map keyed by id: an id such as `constructor` is no object key to trust). */
  rules: RuleText[];
  findings: PackedFindings;
  problems: Problem[];
  notices: Notice[];
}

export interface RuleText {
  id: string;
  title: string;
  clause: string;
  remediation: string;
}

/** GPUs going live per quarter, from the first quarter with a deployment through the end of 2030. */
export interface QuarterSeries {
  /** `2027 Q1`, … */
  labels: string[];
  /** One per provider with a deployment in range, in the schema's provider order (azure first). */
  providers: { provider: string; gpus: number[] }[];
  /** Azure's percentage of each quarter's GPUs; null for a quarter with none. */
  azureShare: (number | null)[];
  /** Deployments left out because they go live after 2030. */
  after2030: number;
}

export interface FindingRow {
  rule: string;
  severity: Severity;
  deployment: string;
  /** From the report's deployments; absent when the report does not list the deployment. */
  provider?: string;
  workload?: string;
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  /** The evidence, in words. */
  evidence: string[];
  /** Only when it differs from the rule's clause (it never does for findings of the report's rules). */
  clause?: string;
  waived: boolean;
  waiver?: WaiverRef;
}

/**
 * The findings, packed (packed-findings.ts): ten thousand findings repeat a few dozen rule ids, files,
 * fields and evidence texts, so each is written once in `texts` and rows refer to it by index: for
 * 10,000 deployments the JSON is 2.4 MB instead of 6.1 MB, and the browser parses it that much sooner.
 */
export interface PackedFindings {
  texts: string[];
  waivers: WaiverRef[];
  rows: PackedFinding[];
}

/** Numbers are indices into `texts` (-1: none), but `line` and `column`, and `waiver`, an index into `waivers` (-1: none). */
export type PackedFinding = [
  rule: number,
  severity: number,
  deployment: string,
  provider: number,
  workload: number,
  file: number,
  line: number,
  column: number,
  path: number,
  message: string,
  evidence: number[],
  waived: 0 | 1,
  waiver: number,
  clause: number,
];
