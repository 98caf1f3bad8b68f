import type { FailOn, Report } from '../types.js';

export type FormatName = 'text' | 'json' | 'sarif' | 'junit' | 'github' | 'markdown' | 'html';

export interface FormatOptions {
  /** Decides which findings count as failures (JUnit `<failure>` vs passing testcase). */
  failOn: FailOn;
  /** ANSI colour, text format only. */
  color: boolean;
}

/** A formatter is a pure function of the report: no I/O, no clock, no environment. */
export type Formatter = (report: Report, options: FormatOptions) => string;
