import { describe, expect, it } from 'vitest';
import type { FailOn } from '../../src/types.js';
import { formatJunit } from '../../src/report/junit.js';
import { emptyReport, ODD_FILE, ODD_MESSAGE, sampleReport } from './sample-report.js';
import { validateJunit, xpath } from './xml-check.js';

const junit = (failOn: FailOn, report = sampleReport) => formatJunit(report, { failOn, color: false });

/** Every count attribute must equal what the document holds. */
function expectConsistentCounts(xml: string): void {
  const wrongSuites = [
    'number(@tests) != count(testcase)',
    'number(@failures) != count(testcase[failure])',
    'number(@errors) != count(testcase[error])',
    'number(@skipped) != count(testcase[skipped])',
  ];
  for (const condition of wrongSuites) expect(xpath(xml, `count(//testsuite[${condition}])`)).toBe('0');
  expect(xpath(xml, 'string(/testsuites/@tests)')).toBe(xpath(xml, 'count(//testcase)'));
  expect(xpath(xml, 'string(/testsuites/@failures)')).toBe(xpath(xml, 'count(//testcase[failure])'));
  expect(xpath(xml, 'string(/testsuites/@errors)')).toBe(xpath(xml, 'count(//testcase[error])'));
}

describe('formatJunit', () => {
  it.each<FailOn>(['error', 'warning', 'never'])('is valid against the Jenkins xUnit schema with failOn %s', async (failOn) => {
    const xml = junit(failOn);
    await validateJunit(xml);
    expectConsistentCounts(xml);
  });

  it('has a suite per file and a testcase per (deployment, rule) evaluated, plus one per problem', () => {
    const xml = junit('error');
    expect(xpath(xml, 'count(//testsuite)')).toBe('5');
    expect(xpath(xml, 'count(//testcase)')).toBe('16');
    expect(xpath(xml, `count(//testsuite[@name="${ODD_FILE}"]/testcase)`)).toBe('2');
    expect(xpath(xml, 'count(//testcase[@classname="api-west"])')).toBe('4');
  });

  it('fails errors with failOn error, errors and warnings with failOn warning, nothing with failOn never', () => {
    const failing = (failOn: FailOn) => {
      const xml = junit(failOn);
      const count = Number(xpath(xml, 'count(//testcase[failure])'));
      const names = Array.from({ length: count }, (_, i) =>
        xpath(xml, `concat((//testcase[failure])[${i + 1}]/@classname, "/", (//testcase[failure])[${i + 1}]/@name)`),
      );
      return { names, total: xpath(xml, 'string(/testsuites/@failures)') };
    };
    expect(failing('error')).toEqual({
      names: ['api-east/api-endpoint-off-azure', 'api-east/api-exclusive-to-azure'],
      total: '2',
    });
    expect(failing('warning')).toEqual({
      names: ['api-east/api-endpoint-off-azure', 'api-east/api-exclusive-to-azure', 'train-50/capacity-first-refusal'],
      total: '3',
    });
    expect(failing('never')).toEqual({ names: [], total: '0' });
  });

  it('keeps findings below the threshold visible in system-out, and never fails an info', () => {
    const xml = junit('warning');
    const info = '//testcase[@classname="train-50"][@name="region-undisclosed"]';
    expect(xpath(xml, `count(${info}/failure)`)).toBe('0');
    expect(xpath(xml, `string(${info}/system-out)`)).toContain('does not name a region');
  });

  it('puts every failing finding of a testcase in its failure, with location and evidence', () => {
    const second = { ...sampleReport.findings[1]!, line: 30, column: 7, path: 'spec.endpoints[2].hostedOn' };
    const xml = junit('error', { ...sampleReport, findings: [...sampleReport.findings, second] });
    const failure = '//testcase[@classname="api-east"][@name="api-endpoint-off-azure"]/failure';
    expect(xpath(xml, `string(${failure}/@message)`)).toBe('2 findings of api-endpoint-off-azure');
    const body = xpath(xml, `string(${failure})`);
    expect(body).toContain('at deployments/api-east.yaml:14:19 (spec.endpoints[1].hostedOn)');
    expect(body).toContain('at deployments/api-east.yaml:30:7 (spec.endpoints[2].hostedOn)');
    expect(body).toContain('evidence: spec.endpoints[1].hostedOn is "gcp", expected not "azure"');
  });

  it('skips waived findings with the waiver reason, whatever the threshold', () => {
    for (const failOn of ['error', 'never'] as const) {
      const xml = junit(failOn);
      expect(xpath(xml, 'count(//testcase[skipped])')).toBe('1');
      expect(xpath(xml, 'string(//testcase[@classname="legacy-api"]/skipped/@message)')).toBe(
        sampleReport.findings[4]!.waiver!.reason,
      );
    }
  });

  it('reports problems as errors in the suite of their file, even with failOn never', () => {
    const xml = junit('never');
    expect(xpath(xml, 'string(//testsuite[@name="deployments/broken.yaml"]/testcase/error/@type)')).toBe('PARSE_ERROR');
    expect(xpath(xml, 'string(//testsuite[@name="deployments/broken.yaml"]/testcase/error)')).toBe(
      'deployments/broken.yaml:4:1',
    );
    expect(xpath(xml, 'string(//testsuite[@name="deployments/empty.json"]/testcase/@name)')).toBe('NO_DEPLOYMENTS');
    expect(xpath(xml, 'string(/testsuites/@errors)')).toBe('2');
  });

  it('round-trips text through XML escaping, replacing characters XML 1.0 forbids', async () => {
    const hostile = `${ODD_MESSAGE}\r\n\ttab ]]> \u0000nul \u0001soh \u001besc \uFFFF \uD800 😀`;
    const finding = { ...sampleReport.findings[0]!, message: hostile };
    const xml = junit('error', { ...sampleReport, findings: [finding] });
    await validateJunit(xml);
    const expected = hostile.replace(/[\u0000\u0001\u001b\uFFFF\uD800]/g, '\uFFFD');
    expect(xpath(xml, 'string(//failure/@message)')).toBe(expected);
    expect(xpath(xml, 'string(//failure)')).toContain(expected);
  });

  it('builds testcases from the findings alone when deployments are absent', async () => {
    const xml = junit('error', { ...sampleReport, deployments: undefined });
    await validateJunit(xml);
    expectConsistentCounts(xml);
    expect(xpath(xml, 'count(//testcase)')).toBe('7');
    expect(xpath(xml, 'string(/testsuites/@failures)')).toBe('2');
  });

  it('passes every testcase of a clean run', async () => {
    const xml = junit('warning', emptyReport);
    await validateJunit(xml);
    expect(xpath(xml, 'concat(/testsuites/@tests, ",", /testsuites/@failures, ",", /testsuites/@errors)')).toBe('4,0,0');
  });

  it('is held to the schema: the validator rejects a report the schema does not allow', async () => {
    const xml = junit('error');
    await expect(validateJunit(xml.replace('<testcase ', '<testcase bogus="1" '))).rejects.toThrow(/bogus/);
    await expect(validateJunit(xml.replace(/<testsuites[^>]*>/, '$&<unknown/>'))).rejects.toThrow(/unknown/);
  });
});
