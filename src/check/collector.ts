import type { Deployment } from '../deployment.js';
import type { SourceDocument } from '../input/document.js';
import type { DeploymentResult } from '../policy/evaluate.js';
import { NameRegistry } from './name-registry.js';
import { findWaiver, waiverRef, type Waiver } from '../policy/waivers.js';
import type { CheckedDeployment, Finding, Notice, Problem, Summary } from '../types.js';

/** Accumulates one run's results in bounded memory: per-deployment state is only what the report needs. */
export class Collector {
  readonly findings: Finding[] = [];
  readonly problems: Problem[] = [];
  readonly deployments: CheckedDeployment[] = [];
  readonly usedWaivers = new Set<Waiver>();
  files = 0;
  deploymentCount = 0;
  unverifiedApprovals = 0;
  private readonly names = new NameRegistry();
  private readonly fileIds = new Map<string, number>();
  private readonly fileNames: string[] = [];
  private readonly outOfWindow = new Map<string, { until?: string; from?: string; count: number; names: string[] }>();

  constructor(private readonly waivers: readonly Waiver[], private readonly keepDeployments: boolean) {}

  /** Records the name; a second deployment with the same name is a problem (both are still checked). */
  claimName(name: string, document: SourceDocument): void {
    let fileId = this.fileIds.get(document.file);
    if (fileId === undefined) {
      fileId = this.fileNames.push(document.file) - 1;
      this.fileIds.set(document.file, fileId);
    }
    const first = this.names.claim(name, fileId, document.start.line);
    if (!first) return;
    const where = `${this.fileNames[first.file]}:${first.line}`;
    this.problems.push({ file: document.file, ...document.start, code: 'DUPLICATE_NAME', deployment: name, path: 'metadata.name', message: `deployment name "${name}" is already used at ${where}: names must be unique in a run` });
  }

  addResult(document: SourceDocument, deployment: Deployment, result: DeploymentResult): void {
    const name = deployment.metadata.name;
    for (const finding of result.findings) {
      const waiver = findWaiver(this.waivers, finding.rule, name, this.usedWaivers);
      this.findings.push(waiver ? { ...finding, waived: true, waiver: waiverRef(waiver) } : finding);
    }
    for (const rule of result.skipped) {
      let entry = this.outOfWindow.get(rule.id);
      if (!entry) {
        entry = { ...rule.effective, count: 0, names: [] };
        this.outOfWindow.set(rule.id, entry);
      }
      entry.count++;
      if (entry.names.length < 5) entry.names.push(name);
    }
    if (this.keepDeployments) {
      this.deployments.push({ name, file: document.file, line: document.start.line, column: document.start.column, evaluated: result.active.map((r) => r.id) });
    }
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
