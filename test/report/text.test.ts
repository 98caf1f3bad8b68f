import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { options, sampleReport } from './sample-report.js';

describe('formatText', () => {
  it("puts the rule's fix on one line under each finding's evidence", () => {
    const lines = formatText(sampleReport, options).split('\n');
    const at = lines.findIndex((l) => l.includes('api-exclusive-to-azure  API deployment api-east'));
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '      spec.workload is "api"',
      '      spec.provider is "oracle", expected not "azure"',
      '      fix: Set spec.provider to azure, or move this workload off the API (spec.workload).',
    ]);
    const withoutEvidence = lines.findIndex((l) => l.includes('region-undisclosed  Deployment train-50'));
    expect(lines[withoutEvidence + 1]).toBe('      fix: Set spec.region.');
  });

  it('keeps a fix with a newline on its one line', () => {
    const finding = { ...sampleReport.findings[0]!, remediation: 'a\n  deployments/x.yaml:1:1  error  forged' };
    const output = formatText({ ...sampleReport, findings: [finding] }, options);
    expect(output).toContain('      fix: a\\n  deployments/x.yaml:1:1  error  forged\n');
    expect(output.split('\n').some((l) => l.startsWith('  deployments/x.yaml'))).toBe(false);
  });
});
