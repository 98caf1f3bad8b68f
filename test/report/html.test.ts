import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageScript, pageStyle } from '../../src/report/generated/html-page.js';
import { formatHtml } from '../../src/report/html.js';
import { packFindings, unpackFindings } from '../../src/report/html/packed-findings.js';
import { pageModel } from '../../src/report/html/page-model.js';
import type { PageModel } from '../../src/report/html/page-model-types.js';
import { quarterSeries } from '../../src/report/html/quarters.js';
import type { CheckedDeployment, Report } from '../../src/types.js';
import { emptyReport, frozen, options, sampleReport } from './sample-report.js';

/** Text that would run, load or break out of its element if any of it reached the page as markup. */
const XSS = `</script><script>window.pwned=1</script><!-- "><img src=x onerror="window.pwned=2"> '&amp; \u2028`;

function hostileReport(): Report {
  const report = structuredClone(sampleReport);
  report.rulePack.name = `pack ${XSS}`;
  report.findings[0]!.message = `message ${XSS}`;
  report.findings[0]!.file = `deployments/${XSS}.yaml`;
  report.findings[0]!.evidence[0]!.text = `spec.region is "${XSS}"`;
  report.findings[0]!.evidence[0]!.actual = XSS;
  report.problems[0]!.message = `problem ${XSS}`;
  report.notices[0]!.message = `notice ${XSS}`;
  report.deployments![0]!.file = report.findings[0]!.file;
  report.waivers = [{ rule: `rule-${XSS}`, deployment: XSS, reason: XSS, approvedBy: XSS, expiresOn: '2027-03-31', status: 'active', used: false }];
  report.ledger = [{ approval: XSS, maxTotalGpus: 10, deployments: [{ name: XSS, file: XSS, line: 1, column: 1, date: '2027-01-01', provider: 'oracle', workload: 'training', gpus: 11, cumulativeGpus: 11 }] }];
  return report;
}

function dataBlock(page: string): string {
  const open = '<script type="application/octet-stream" id="accord-data" data-encoding="json+deflate+base64">';
  const start = page.indexOf(open) + open.length;
  return page.slice(start, page.indexOf('</script>', start));
}

const decode = (data: string): PageModel => JSON.parse(inflateSync(Buffer.from(data, 'base64')).toString('utf8')) as PageModel;

describe('formatHtml', () => {
  it('is deterministic and leaves the report untouched', () => {
    const before = JSON.stringify(sampleReport);
    const report = frozen(structuredClone(sampleReport));
    const first = formatHtml(report, options);
    expect(formatHtml(report, options)).toBe(first);
    expect(JSON.stringify(report)).toBe(before);
  });

  it('keeps hostile report text inert: exactly its own two scripts, no element from the data, and the data back intact', () => {
    const report = hostileReport();
    const page = formatHtml(report, options);
    // The JSON block and the page script, each closed once; nothing else opens an element it should not.
    expect(page.match(/<script/gi)).toHaveLength(2);
    expect(page.match(/<\/script/gi)).toHaveLength(2);
    expect(page).not.toMatch(/<img|<!--/i);
    expect(page).not.toMatch(/onerror="window/);
    // Text outside the JSON block is escaped HTML text.
    expect(page).toContain('pack &#60;/script&#62;&#60;script&#62;window.pwned=1');
    expect(page).toContain('problem &#60;/script&#62;');
    // The data block is base64 alone, and gives back exactly the page model, hostile strings included.
    const data = dataBlock(page);
    expect(data).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(decode(data)).toEqual(JSON.parse(JSON.stringify(pageModel(report))));
    expect(unpackFindings(decode(data).findings)[0]!.message).toBe(`message ${XSS}`);
  });

  it('allows exactly its inline script and style by hash, and no request of any kind', () => {
    const page = formatHtml(sampleReport, options);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp.split('; ')).toEqual([`default-src 'none'`, `script-src ${hash(pageScript)}`, `style-src ${hash(pageStyle)}`, `base-uri 'none'`, `form-action 'none'`]);
    expect(page).toContain(`<script>${pageScript}</script>`);
    expect(page).toContain(`<style>${pageStyle}</style>`);
    // The meta comes before anything it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
    expect(page).not.toMatch(/\b(src|href)="(?!#)/);
  });

  it('states the verdict the exit code gives, and the summary counts', () => {
    const failing = formatHtml(sampleReport, options);
    expect(failing).toContain('data-verdict="fail" data-exit-code="2"');
    const clean = formatHtml(emptyReport, options);
    expect(clean).toContain('data-verdict="pass" data-exit-code="0"');
    for (const [key, value] of Object.entries(sampleReport.summary)) expect(failing).toContain(`data-count="${key}"><dt>${key[0]!.toUpperCase()}${key.slice(1)}</dt><dd data-value="${value}">${value}</dd>`);
    const large = formatHtml({ ...emptyReport, summary: { ...emptyReport.summary, deployments: 1234567 } }, options);
    expect(large).toContain('<dd data-value="1234567">1,234,567</dd>');
    expect(failing).toContain(sampleReport.rulePack.sha256);
    expect(failing).toContain(`datetime="${sampleReport.asOf}"`);
  });
});

describe('pageModel', () => {
  it('gives each finding its deployment’s provider and workload, and the rule’s clause only once', () => {
    const model = pageModel(sampleReport);
    const rows = unpackFindings(model.findings);
    expect(rows).toHaveLength(sampleReport.findings.length);
    rows.forEach((row, i) => {
      const finding = sampleReport.findings[i]!;
      const deployment = sampleReport.deployments!.find((d) => d.name === finding.deployment && d.file === finding.file);
      // The clause and remediation are the rule's: the page shows them from its rules, not per row.
      const { clause: _clause, remediation: _remediation, evidence, ...rest } = finding;
      expect(row).toEqual({ ...rest, evidence: evidence.map((e) => e.text), ...(deployment ? { provider: deployment.provider, workload: deployment.workload } : {}) });
    });
    expect(rows.every((f) => f.clause === undefined && !('remediation' in f))).toBe(true);
    expect(model.rules.map((r) => r.remediation)).toEqual(sampleReport.rules.map((r) => r.remediation));
    expect(model.listedDeployments).toBe(sampleReport.deployments!.length);
    expect(pageModel({ ...sampleReport, deployments: undefined }).listedDeployments).toBeNull();
  });
});

describe('packFindings', () => {
  it('writes each repeated text once, and unpacks to the same rows', () => {
    const findings = Array.from({ length: 40 }, (_, i) => ({ ...sampleReport.findings[i % sampleReport.findings.length]!, deployment: `d-${i}`, message: `message ${i}` }));
    const packed = packFindings(findings, (f) => ({ provider: f.deployment.endsWith('1') ? 'oracle' : undefined, workload: 'api', ruleClause: 'another clause' }));
    expect(new Set(packed.texts).size).toBe(packed.texts.length);
    expect(packed.waivers.length).toBeLessThanOrEqual(1);
    const rows = unpackFindings(JSON.parse(JSON.stringify(packed)));
    rows.forEach((row, i) => {
      const { evidence, remediation: _remediation, ...rest } = findings[i]!;
      expect(row).toEqual({ ...rest, evidence: evidence.map((e) => e.text), ...(rest.deployment.endsWith('1') ? { provider: 'oracle' } : {}), workload: 'api' });
    });
  });
});

describe('quarterSeries', () => {
  const deployment = (provider: CheckedDeployment['provider'], date: string, gpus: number): CheckedDeployment => ({ name: `${provider}-${date}`, file: 'f.yaml', line: 1, column: 1, evaluated: [], provider, workload: 'training', gpus, date });

  it('sums GPUs per quarter and provider from the first quarter through 2030 Q4, Azure first, with its share', () => {
    const series = quarterSeries([deployment('oracle', '2029-03-31', 300), deployment('azure', '2029-01-01', 100), deployment('oracle', '2029-04-01', 50), deployment('aws', '2031-01-01', 9)]);
    expect(series.labels[0]).toBe('2029 Q1');
    expect(series.labels.at(-1)).toBe('2030 Q4');
    expect(series.labels).toHaveLength(8);
    expect(series.providers.map((p) => p.provider)).toEqual(['azure', 'oracle']);
    expect(series.providers[1]!.gpus.slice(0, 3)).toEqual([300, 50, 0]);
    expect(series.azureShare.slice(0, 3)).toEqual([25, 0, null]);
    expect(series.after2030).toBe(1);
  });

  it('is empty without a deployment through 2030', () => {
    expect(quarterSeries([deployment('aws', '2031-01-01', 9)])).toEqual({ labels: [], providers: [], azureShare: [], after2030: 1 });
  });
});
