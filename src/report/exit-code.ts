import type { FailOn, Report } from '../types.js';

/** 0: nothing fails the run; 1: an active finding at or above the threshold; 2: any problem (wins over 1). */
export function exitCode(report: Report, failOn: FailOn): 0 | 1 | 2 {
  if (report.problems.length > 0) return 2;
  if (failOn === 'never') return 0;
  const failing = report.findings.some((f) => !f.waived && (f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')));
  return failing ? 1 : 0;
}

/** Whether one finding counts against the run under the threshold. */
export function isFailing(severity: string, waived: boolean, failOn: FailOn): boolean {
  if (waived || failOn === 'never') return false;
  return severity === 'error' || (failOn === 'warning' && severity === 'warning');
}
