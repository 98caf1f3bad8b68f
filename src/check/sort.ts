import type { Finding, Problem } from '../types.js';

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order: file, line, column, rule, then path. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => compare(a.file, b.file) || compare(a.line, b.line) || compare(a.column, b.column) || compare(a.rule, b.rule) || compare(a.path, b.path),
  );
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) => compare(a.file, b.file) || compare(a.line ?? 0, b.line ?? 0) || compare(a.column ?? 0, b.column ?? 0) || compare(a.code, b.code) || compare(a.message, b.message),
  );
}
