import type { LedgerPlace, LedgerRow } from '../policy/ledger.js';
import type { LoadedRule } from '../policy/loaded-rule.js';
import { findWaiver, waiverRef, type Waiver } from '../policy/waivers.js';
import type { CheckedDeployment, Finding, NamePlace, Notice, Position, Problem, Summary } from '../types.js';
import type { Assessment } from './assess.js';
import type { DeploymentFacts } from './deployment-facts.js';
import { NameRegistry } from './name-registry.js';
import { notManifests } from '../input/screen-foreign.js';

/** The names a RULE_OUT_OF_WINDOW notice lists. */
export const WINDOW_NAMES = 5;

/** The notice of the deployments a rule's window skipped. */
export function windowNotice(skip: { rule: string; count: number; first: readonly NamePlace[] }, effective: { from?: string; until?: string }): Notice {
  const { rule, count, first } = skip;
  const window = [effective.from && `from ${effective.from}`, effective.until && `until ${effective.until}`].filter(Boolean).join(' ');
  const more = count > first.length ? ` and ${count - first.length} more` : '';
  return {
    code: 'RULE_OUT_OF_WINDOW',
    rule,
    message: `rule ${rule} (effective ${window}) was not applied to ${count} deployment${count === 1 ? '' : 's'} dated outside its window: ${first.map((p) => p.name).join(', ')}${more}`,
  };
}

/** The names a NOT_A_MANIFEST notice lists. */
const SKIPPED_NAMES = 5;

/** The notice of the documents skipped as other tools' (`skipped`: per file, in the order the run read them). */
export function skippedNotice(skipped: readonly { file: string; documents: number }[]): Notice[] {
  const documents = skipped.reduce((n, s) => n + s.documents, 0);
  if (documents === 0) return [];
  const names = skipped.slice(0, SKIPPED_NAMES).map((s) => s.file);
  const more = skipped.length > names.length ? ` and ${skipped.length - names.length} more` : '';
  const docs = `${documents} document${documents === 1 ? '' : 's'} in ${skipped.length} file${skipped.length === 1 ? '' : 's'}`;
  return [{ code: 'NOT_A_MANIFEST', message: `${docs} ${notManifests(documents)}, skipped: ${names.join(', ')}${more}` }];
}

/** A second deployment named `name`, at `file` and `start`; `where` is the first one's `file:line`. */
export function duplicateNameProblem(name: string, file: string, start: Position, where: string): Problem {
  return { file, ...start, code: 'DUPLICATE_NAME', deployment: name, path: 'metadata.name', message: `deployment name "${name}" is already used at ${where}: names must be unique in a run` };
}

/** Accumulates one run's results in bounded memory: per-deployment state is only what the report needs. */
export class Collector {
  readonly findings: Finding[] = [];
  readonly problems: Problem[] = [];
  /** Notices the inputs gave (a plan with nothing to check). */
  readonly notices: Notice[] = [];
  readonly deployments: CheckedDeployment[] = [];
  readonly usedWaivers = new Set<Waiver>();
  /** The capacity ledger's rows, by approval: all the run keeps of the deployments approvals cover. */
  readonly ledgerRows = new Map<string, LedgerRow[]>();
  files = 0;
  deploymentCount = 0;
  unverifiedApprovals = 0;
  private readonly nameRegistry: NameRegistry;
  /** Files in the order their deployments came; a file's deployments come together. */
  private readonly fileNames: string[] = [];
  private lastFile: string | undefined;
  /** Documents skipped as another tool's, per file in the order read: the first few, or all of them for a shard's report (`keepNames`). */
  readonly skipped: { file: string; documents: number }[] = [];
  private skippedFiles = 0;
  private skippedDocuments = 0;
  private readonly outOfWindow = new Map<string, { until?: string; from?: string; count: number; first: NamePlace[] }>();
  /** Every valid deployment's name and place, kept only for a shard's report (`keepNames`). */
  readonly names: NamePlace[] = [];

  constructor(
    private readonly waivers: readonly Waiver[],
    private readonly keepDeployments: boolean,
    private readonly rules: readonly LoadedRule[],
    /** Deployments the run expects (its file count): sizes the name table once. */
    expectedDeployments = 0,
    private readonly keepNames = false,
  ) {
    this.nameRegistry = new NameRegistry(expectedDeployments);
  }

  /** Takes one assessment; assessments come in file order, so "first" and "second" mean what they say. */
  record(assessment: Assessment): void {
    if ('problem' in assessment) {
      this.problems.push(assessment.problem);
      return;
    }
    if ('notice' in assessment) {
      this.notices.push(assessment.notice);
      return;
    }
    this.deploymentCount++;
    if ('invalid' in assessment) {
      this.problems.push(...assessment.invalid);
      return;
    }
    const { deployment, evaluation } = assessment;
    this.claimName(deployment.name, deployment.file, deployment.start);
    if (assessment.unverifiedApproval) this.unverifiedApprovals++;
    if (assessment.ledger) this.addLedgerPlace(assessment.ledger);
    if (evaluation) this.addResult(deployment.name, deployment.file, deployment.start, deployment.facts, evaluation);
  }

  /** A finding, waived when a waiver applies: every finding of a run comes through here. */
  addFinding(finding: Finding): void {
    const waiver = findWaiver(this.waivers, finding.rule, finding.deployment, this.usedWaivers);
    this.findings.push(waiver ? { ...finding, waived: true, waiver: waiverRef(waiver) } : finding);
  }

  private addLedgerPlace(place: LedgerPlace): void {
    let rows = this.ledgerRows.get(place.approval);
    if (!rows) this.ledgerRows.set(place.approval, (rows = []));
    rows.push(place.row);
    if (place.problem) this.problems.push(place.problem);
  }

  /** Records the name; a second deployment with the same name is a problem (both are still checked). */
  private claimName(name: string, file: string, start: Position): void {
    // No map from file to id: assessments come file by file, so a new file is one unlike the last.
    if (file !== this.lastFile) {
      this.fileNames.push(file);
      this.lastFile = file;
    }
    if (this.keepNames) this.names.push({ name, file, ...start });
    const first = this.nameRegistry.claim(name, this.fileNames.length - 1, start.line);
    if (!first) return;
    this.problems.push(duplicateNameProblem(name, file, start, `${this.fileNames[first.file]}:${first.line}`));
  }

  private addResult(name: string, file: string, start: Position, facts: DeploymentFacts, result: { findings: Finding[]; evaluated: readonly string[]; skipped: readonly string[] }): void {
    for (const finding of result.findings) this.addFinding(finding);
    for (const id of result.skipped) {
      let entry = this.outOfWindow.get(id);
      if (!entry) {
        entry = { ...this.rules.find((r) => r.id === id)?.effective, count: 0, first: [] };
        this.outOfWindow.set(id, entry);
      }
      entry.count++;
      if (entry.first.length < WINDOW_NAMES) entry.first.push({ name, file, ...start });
    }
    if (this.keepDeployments) this.deployments.push({ name, file, line: start.line, column: start.column, evaluated: [...result.evaluated], ...facts });
  }

  /** Per rule (in id order), the deployments its window skipped: how many, and the first few. */
  windowSkips(): { rule: string; count: number; first: NamePlace[] }[] {
    return [...this.outOfWindow.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, e]) => ({ rule, count: e.count, first: e.first }));
  }

  /** Documents of `file` skipped as not accord manifests (a package.json, a workflow). */
  skip(file: string, documents: number): void {
    this.skippedFiles++;
    this.skippedDocuments += documents;
    if (this.keepNames || this.skipped.length < SKIPPED_NAMES) this.skipped.push({ file, documents });
  }

  skippedNotices(): Notice[] {
    if (this.skippedDocuments === 0) return [];
    // Only the first files are kept: stand-ins carry the rest of the count, one file each.
    const rest = this.skippedFiles - this.skipped.length;
    const restDocuments = this.skippedDocuments - this.skipped.reduce((n, s) => n + s.documents, 0);
    const padding = Array.from({ length: rest }, (_, i) => ({ file: '', documents: i === 0 ? restDocuments : 0 }));
    return skippedNotice([...this.skipped, ...padding]);
  }

  windowNotices(): Notice[] {
    return this.windowSkips().map((skip) => windowNotice(skip, this.rules.find((r) => r.id === skip.rule)?.effective ?? {}));
  }

  summary(): Summary {
    const active = this.findings.filter((f) => !f.waived);
    return {
      files: this.files,
      deployments: this.deploymentCount,
      errors: active.filter((f) => f.severity === 'error').length,
      warnings: active.filter((f) => f.severity === 'warning').length,
      infos: active.filter((f) => f.severity === 'info').length,
      waived: this.findings.length - active.length,
      problems: this.problems.length,
    };
  }
}
