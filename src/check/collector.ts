import type { LedgerPlace, LedgerRow } from '../policy/ledger.js';
import type { LoadedRule } from '../policy/loaded-rule.js';
import { findWaiver, waiverRef, type Waiver } from '../policy/waivers.js';
import type { CheckedDeployment, Finding, Notice, Position, Problem, Summary } from '../types.js';
import type { Assessment } from './assess.js';
import type { DeploymentFacts } from './deployment-facts.js';
import { NameRegistry } from './name-registry.js';

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
  private readonly names: NameRegistry;
  /** Files in the order their deployments came; a file's deployments come together. */
  private readonly fileNames: string[] = [];
  private lastFile: string | undefined;
  private readonly outOfWindow = new Map<string, { until?: string; from?: string; count: number; names: string[] }>();

  constructor(
    private readonly waivers: readonly Waiver[],
    private readonly keepDeployments: boolean,
    private readonly rules: readonly LoadedRule[],
    /** Deployments the run expects (its file count): sizes the name table once. */
    expectedDeployments = 0,
  ) {
    this.names = new NameRegistry(expectedDeployments);
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
    const first = this.names.claim(name, this.fileNames.length - 1, start.line);
    if (!first) return;
    const where = `${this.fileNames[first.file]}:${first.line}`;
    this.problems.push({ file, ...start, code: 'DUPLICATE_NAME', deployment: name, path: 'metadata.name', message: `deployment name "${name}" is already used at ${where}: names must be unique in a run` });
  }

  private addResult(name: string, file: string, start: Position, facts: DeploymentFacts, result: { findings: Finding[]; evaluated: readonly string[]; skipped: readonly string[] }): void {
    for (const finding of result.findings) this.addFinding(finding);
    for (const id of result.skipped) {
      let entry = this.outOfWindow.get(id);
      if (!entry) {
        entry = { ...this.rules.find((r) => r.id === id)?.effective, count: 0, names: [] };
        this.outOfWindow.set(id, entry);
      }
      entry.count++;
      if (entry.names.length < 5) entry.names.push(name);
    }
    if (this.keepDeployments) this.deployments.push({ name, file, line: start.line, column: start.column, evaluated: [...result.evaluated], ...facts });
  }

  windowNotices(): Notice[] {
    return [...this.outOfWindow.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([rule, e]) => {
        const window = [e.from && `from ${e.from}`, e.until && `until ${e.until}`].filter(Boolean).join(' ');
        const more = e.count > e.names.length ? ` and ${e.count - e.names.length} more` : '';
        return {
          code: 'RULE_OUT_OF_WINDOW' as const,
          rule,
          message: `rule ${rule} (effective ${window}) was not applied to ${e.count} deployment${e.count === 1 ? '' : 's'} dated outside its window: ${e.names.join(', ')}${more}`,
        };
      });
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
