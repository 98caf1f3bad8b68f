import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import type { FailOn, Report } from '../../src/types.js';
import { emptyReport, sampleReport } from './sample-report.js';

const markdown = (report: Report, failOn: FailOn = 'error') => formatMarkdown(report, { failOn, color: false });
const withoutProblems: Report = {
  ...sampleReport,
  problems: [],
  summary: { ...sampleReport.summary, problems: 0 },
};

/** Splits a table row into its cells, honouring `\|`. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.trim());
}

describe('formatMarkdown', () => {
  it('gives a verdict that follows problems and the failOn threshold', () => {
    expect(markdown(sampleReport)).toMatch(/^## ❌ accord: could not check everything\n/);
    expect(markdown(withoutProblems, 'error')).toMatch(/^## ❌ accord: failed\n/);
    expect(markdown(withoutProblems, 'never')).toMatch(/^## ✅ accord: passed\n/);
    const onlyWarnings = { ...withoutProblems, findings: sampleReport.findings.filter((f) => f.severity !== 'error') };
    expect(markdown(onlyWarnings, 'error')).toMatch(/^## ✅ accord: passed\n/);
    expect(markdown(onlyWarnings, 'warning')).toMatch(/^## ❌ accord: failed\n/);
  });

  it('shows the totals and the rule pack with a short hash', () => {
    const output = markdown(sampleReport);
    expect(output).toContain('| 5 | 4 | 2 | 1 | 1 | 1 | 2 |');
    expect(output).toContain('**openai-microsoft-partnership** 1.0.0 (sha256 `9f2c4e7a1b3d`, 4 rules)');
  });

  it('keeps every active finding in one table row, escaping pipes, newlines and HTML', () => {
    const output = markdown(sampleReport);
    const row = output.split('\n').find((line) => line.startsWith('| deployments/api-east.yaml:14 |'));
    expect(row).toBeDefined();
    expect(cells(row!)).toEqual([
      'deployments/api-east.yaml:14',
      'api-east',
      'api-endpoint-off-azure',
      'error',
      'Endpoint "https://api.example.com:8443/v1?regions=us,eu" of api-east is 100% off Azure:<br>hostedOn is \'gcp\' &lt;not azure&gt; &amp; unapproved',
    ]);
    const piped = { ...sampleReport.findings[0]!, message: 'a | b\r\nc *d* `e` [f](g)' };
    const pipedRow = markdown({ ...sampleReport, findings: [piped] })
      .split('\n')
      .find((line) => line.startsWith('| deployments/api-east.yaml:7 |'));
    expect(cells(pipedRow!).at(-1)).toBe('a \\| b<br>c \\*d\\* \\`e\\` \\[f\\](g)');
  });

  it('folds waived findings away with reason, approver and expiry', () => {
    const output = markdown(sampleReport);
    const details = output.slice(output.indexOf('<details>'), output.indexOf('</details>'));
    expect(details).toContain('<summary>1 waived finding</summary>');
    expect(details).toContain(
      '| deployments/legacy.json:4 | legacy-api | api-exclusive-to-azure | Migration to Azure tracked in OPS-142 \\| cutover in Q1 | partnerships@example.com | 2027-03-31 |',
    );
    const findingsTable = output.slice(output.indexOf('### Findings'), output.indexOf('<details>'));
    expect(findingsTable).not.toContain('legacy-api');
  });

  it('lists problems, with a line when there is one, and notices', () => {
    const output = markdown(sampleReport);
    expect(output).toContain('- **PARSE_ERROR** deployments/broken.yaml:4:1: Unexpected end of flow mapping, expected "}"');
    expect(output).toContain('- **NO_DEPLOYMENTS** deployments/empty.json: No deployment found in this file.');
    expect(output).toContain('### Notices\n\n- **APPROVALS_NOT_VERIFIED** ');
  });

  it('says so plainly when nothing was found', () => {
    const output = markdown(emptyReport);
    expect(output).toMatch(/^## ✅ accord: passed\n/);
    expect(output).toContain('No active findings.');
    expect(output).not.toMatch(/<details>|### Problems|### Notices/);
  });
});
