import type { Finding, Severity, WaiverRef } from '../../types.js';
import type { FindingRow, PackedFinding, PackedFindings } from './page-model-types.js';

/** What a finding's row adds to the finding: its deployment's provider and workload, and its rule's clause when it differs. */
export interface RowExtras {
  provider?: string;
  workload?: string;
  ruleClause?: string;
}

/** Packs rows for the page: repeated texts once, rows as tuples of indices (see PackedFindings). */
export function packFindings(findings: readonly Finding[], extras: (finding: Finding) => RowExtras): PackedFindings {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (value: string | undefined): number => {
    if (value === undefined) return -1;
    let index = textIndex.get(value);
    if (index === undefined) textIndex.set(value, (index = texts.push(value) - 1));
    return index;
  };
  const waivers: WaiverRef[] = [];
  const waiverIndex = new Map<string, number>();
  const waiver = (ref: WaiverRef | undefined): number => {
    if (ref === undefined) return -1;
    const key = JSON.stringify([ref.rule, ref.deployment, ref.reason, ref.approvedBy, ref.expiresOn]);
    let index = waiverIndex.get(key);
    if (index === undefined) waiverIndex.set(key, (index = waivers.push(ref) - 1));
    return index;
  };
  const rows = findings.map((f): PackedFinding => {
    const { provider, workload, ruleClause } = extras(f);
    return [
      text(f.rule),
      text(f.severity),
      f.deployment,
      text(provider),
      text(workload),
      text(f.file),
      f.line,
      f.column,
      text(f.path),
      f.message,
      f.evidence.map((e) => text(e.text)),
      f.waived ? 1 : 0,
      waiver(f.waiver),
      f.clause === ruleClause ? -1 : text(f.clause),
    ];
  });
  return { texts, waivers, rows };
}

/** The rows again, as objects: the page does this once when it opens. */
export function unpackFindings({ texts, waivers, rows }: PackedFindings): FindingRow[] {
  const text = (index: number): string | undefined => (index < 0 ? undefined : texts[index]);
  return rows.map(([rule, severity, deployment, provider, workload, file, line, column, path, message, evidence, waived, waiver, clause]) => {
    const row: FindingRow = {
      rule: text(rule)!,
      severity: text(severity) as Severity,
      deployment,
      file: text(file)!,
      line,
      column,
      path: text(path)!,
      message,
      evidence: evidence.map((e) => text(e)!),
      waived: waived === 1,
    };
    if (provider >= 0) row.provider = text(provider)!;
    if (workload >= 0) row.workload = text(workload)!;
    if (clause >= 0) row.clause = text(clause)!;
    if (waiver >= 0) row.waiver = waivers[waiver]!;
    return row;
  });
}
