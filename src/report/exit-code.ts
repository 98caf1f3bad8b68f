import type { FailOn, Report, Severity } from '../types.js';

/** 0: nothing fails the run; 1: an active finding at or above the threshold; 2: any problem (wins over 1). */
export function exitCode(report: Report, failOn: FailOn): 0 | 1 | 2 {
  if (report.problems.length > 0) return 2;
  if (failOn === 'never') return 0;
  return report.findings.some((f) => isFailing(f.severity, f.waived, failOn)) ? 1 : 0;
}

/** Whether one finding counts against the run under the threshold. */
export function isFailing(severity: Severity, waived: boolean, failOn: FailOn): boolean {
  if (waived || failOn === 'never') return false;
  return severity === 'error' || (failOn === 'warning' && severity === 'warning');
}
