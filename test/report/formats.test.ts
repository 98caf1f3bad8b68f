import { describe, expect, it } from 'vitest';
import type { Formatter } from '../../src/report/format-types.js';
import { formatGithub } from '../../src/report/github.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatSarif } from '../../src/report/sarif.js';
import { expectGolden } from './golden.js';
import { emptyReport, frozen, options, sampleReport } from './sample-report.js';

const formats: Array<[string, Formatter, string]> = [
  ['sarif', formatSarif, 'sarif.sarif.json'],
  ['junit', formatJunit, 'junit.xml'],
  ['github', formatGithub, 'github.txt'],
  ['markdown', formatMarkdown, 'markdown.md'],
];

describe.each(formats)('%s', (_name, format, golden) => {
  it('matches its golden file', () => {
    expectGolden(golden, format(sampleReport, options));
  });

  it('is deterministic and leaves the report untouched', () => {
    const before = JSON.stringify(sampleReport);
    const report = frozen(structuredClone(sampleReport));
    const first = format(report, options);
    expect(format(report, options)).toBe(first);
    expect(JSON.stringify(report)).toBe(before);
  });

  it('ends with exactly one newline, also for a report with zero findings', () => {
    for (const report of [sampleReport, emptyReport]) {
      const output = format(report, options);
      expect(output.endsWith('\n')).toBe(true);
      expect(output.endsWith('\n\n')).toBe(false);
    }
  });
});
