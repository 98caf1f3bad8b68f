// The HTML report in a real browser: Debian's chromium, headless, driven by playwright-core. The page
// must make no request of any kind, log no error, agree with the JSON report, filter exactly, draw
// every chart with the right series and bars, stay fast with 10,000 deployments, pass axe-core, and
// work from the keyboard. Screenshots go to test/.screenshots/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { browserMissing, launchBrowser, type Browser } from '../support/browser.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';
import { bigReport, demoReport, LEDGER_EXAMPLE } from './html-reports.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../.screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const missing = browserMissing();
if (missing) console.log(`skipping the HTML report's browser tests: ${missing}`);

interface Opened {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request the page made, the page's own file included. */
  requests: string[];
  url: string;
}

describe.skipIf(missing !== undefined)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let tmp: TempDir;
  let demo: Report;
  let big: Report;
  const files: Record<'demo' | 'big' | 'hostile', string> = { demo: '', big: '', hostile: '' };

  beforeAll(async () => {
    tmp = await makeTempDir('accord-html-');
    mkdirSync(SCREENSHOTS, { recursive: true });
    demo = await demoReport();
    big = await bigReport(tmp);
    const hostile = structuredClone(demo);
    const payload = `</script><script>window.pwned=1</script><img src="https://example.invalid/x.png" onerror="window.pwned=2"><!--`;
    hostile.findings[0]!.message = payload;
    hostile.findings[0]!.file = `${payload}.yaml`;
    hostile.findings[0]!.evidence[0]!.text = payload;
    hostile.rulePack.name = payload;
    hostile.ledger = [{ ...LEDGER_EXAMPLE, approval: payload }];
    for (const [name, report] of [['demo', demo], ['big', big], ['hostile', hostile]] as const) {
      files[name] = await tmp.write(`${name}.html`, formatReport(report, 'html', { failOn: 'error', color: false }));
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await tmp?.cleanup();
  });

  async function open(file: string): Promise<Opened> {
    const page = await browser.context.newPage();
    const url = pathToFileURL(file).href;
    const opened: Opened = { page, errors: [], requests: [], url };
    page.on('console', (message) => {
      if (message.type() === 'error') opened.errors.push(message.text());
    });
    page.on('pageerror', (error) => opened.errors.push(error.message));
    page.on('request', (request) => opened.requests.push(request.url()));
    page.on('websocket', (socket) => opened.requests.push(socket.url()));
    // Anything but the page itself is refused before it leaves the browser, and still recorded above.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    return opened;
  }

  const visibleRules = (page: Page) => page.$$eval('tr.finding', (rows) => rows.map((r) => (r as HTMLElement).dataset.rule));
  const countText = (page: Page) => page.textContent('#findings-count');

  it('makes no request, logs no error, and its header agrees with the JSON report', async () => {
    const { page, errors, requests, url } = await open(files.demo);
    const json = JSON.parse(formatReport(demo, 'json', { failOn: 'error', color: false })) as Report;
    for (const [key, value] of Object.entries(json.summary)) expect(await page.textContent(`[data-count="${key}"] dd`), key).toBe(value.toLocaleString('en-US'));
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('fail');
    expect(await page.textContent('[data-field="pack"]')).toBe(`${json.rulePack.name} ${json.rulePack.version}`);
    expect(await page.textContent('[data-field="sha256"]')).toBe(json.rulePack.sha256);
    expect(await page.textContent('[data-field="as-of"]')).toBe(json.asOf);
    expect(await page.$$eval('tr.finding', (rows) => rows.length)).toBe(json.findings.length);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('draws each chart with the right series and bars', async () => {
    const { page, errors } = await open(files.demo);
    const charts = await page.evaluate(() =>
      Object.fromEntries(
        Object.entries(window.accordCharts!).map(([id, chart]) => [
          id,
          chart.data.datasets.map((dataset, i) => {
            const meta = chart.getDatasetMeta(i);
            const drawn = meta.data.filter((element) => Number.isFinite(element.x) && Number.isFinite(element.y));
            return { type: meta.type, label: dataset.label, data: dataset.data, drawn: drawn.length, colours: dataset.backgroundColor };
          }),
        ]),
      ),
    );
    // GPUs per quarter: one stacked series per provider in the report (through 2030) plus the Azure share line,
    // one bar per quarter from the first to 2030 Q4, summing to the report's GPUs per provider.
    const deployments = demo.deployments!.filter((d) => d.date <= '2030-12-31');
    const providers = [...new Set(deployments.map((d) => d.provider))];
    const quarter = (date: string) => Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3);
    const quarters = 2030 * 4 + 3 - Math.min(...deployments.map((d) => quarter(d.date))) + 1;
    const series = charts['chart-quarters']!;
    expect(series.filter((s) => s.type === 'bar').map((s) => s.label).sort()).toEqual(providers.sort());
    expect(series.filter((s) => s.type === 'line').map((s) => s.label)).toEqual(['Azure share (%)']);
    for (const s of series) expect(s.drawn, s.label).toBe(quarters);
    for (const provider of providers) {
      const total = deployments.filter((d) => d.provider === provider).reduce((sum, d) => sum + d.gpus, 0);
      expect((series.find((s) => s.label === provider)!.data as number[]).reduce((a, b) => a + b, 0), provider).toBe(total);
    }
    // The ledger (the demo's MSFT-CAP-2027-004, computed by the check), per capped metric: a bar per
    // deployment at its go-live position, those within the cap and those past it as a series each (the
    // second only when one is past), and the cap as a line.
    const entry = demo.ledger![0]!;
    expect(entry.deployments.some((d) => d.cumulativeGpus > entry.maxTotalGpus!)).toBe(true);
    for (const [metric, cap, cumulative] of [
      ['gpus', entry.maxTotalGpus, entry.deployments.map((d) => d.cumulativeGpus)],
      ['megawatts', entry.maxTotalMegawatts, entry.deployments.map((d) => d.cumulativeMegawatts)],
    ] as const) {
      const ledger = charts[`chart-ledger-0-${metric}`]!;
      const over = cumulative.findIndex((y) => y! > cap!);
      const within = over < 0 ? cumulative.length : over;
      expect(ledger.map((s) => [s.type, s.drawn]), metric).toEqual([['bar', within], ...(over < 0 ? [] : [['bar', cumulative.length - over]]), ['line', 2]]);
      expect(ledger[0]!.label).toMatch(/within the cap$/);
      if (over >= 0) {
        expect(ledger[1]!.label).toMatch(/past the cap$/);
        expect(ledger[1]!.colours).not.toBe(ledger[0]!.colours);
      }
      const bars = ledger.filter((s) => s.type === 'bar').flatMap((s) => s.data as Point[]);
      expect(bars).toEqual(cumulative.map((y, i) => ({ x: i + 1, y })));
      expect((ledger.at(-1)!.data as Point[]).map((p) => p.y)).toEqual([cap, cap]);
    }
    // Waivers: one bar per waiver, one series per standing; the demo's waiver expires within 30 days of the run date.
    const waivers = charts['chart-waivers']!;
    expect(waivers.map((s) => s.label)).toEqual(['Expires within 30 days']);
    expect(waivers[0]!.drawn).toBe(demo.waivers!.length);
    expect(await page.textContent('[data-chart="waivers"]')).toMatch(/1 within 30 days/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by rule and by provider to exactly the matching rows', async () => {
    const { page, errors } = await open(files.demo);
    const rule = 'revenue-share-unmetered';
    await page.selectOption('#filter-rule', rule);
    expect(await visibleRules(page)).toEqual(demo.findings.filter((f) => f.rule === rule).map((f) => f.rule));
    await page.selectOption('#filter-rule', '');
    const providerOf = new Map(demo.deployments!.map((d) => [`${d.file}\n${d.name}`, d.provider]));
    for (const provider of new Set(demo.findings.map((f) => providerOf.get(`${f.file}\n${f.deployment}`)!))) {
      await page.selectOption('#filter-provider', provider);
      const expected = demo.findings.filter((f) => providerOf.get(`${f.file}\n${f.deployment}`) === provider);
      const rows = await page.$$eval('tr.finding', (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.provider, tr.querySelector('.location')!.textContent]));
      expect(rows, provider).toEqual(expected.map((f) => [provider, `${f.file}:${f.line}:${f.column}`]));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('expands a finding to its message, evidence, clause, remediation and waiver', async () => {
    const { page } = await open(files.demo);
    const index = demo.findings.findIndex((f) => f.waived);
    const finding = demo.findings[index]!;
    await page.click(`tr[data-finding="${index}"] button.expand`);
    const details = page.locator(`#finding-${index}-details`);
    await expect.poll(() => details.isVisible()).toBe(true);
    const text = (await details.textContent())!;
    const rule = demo.rules.find((r) => r.id === finding.rule)!;
    for (const part of [finding.message, ...finding.evidence.map((e) => e.text), finding.clause, rule.remediation, finding.waiver!.reason, finding.waiver!.expiresOn]) expect(text).toContain(part);
    await details.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'expanded-finding.png') });
    await page.close();
  });

  it('works from the keyboard: search, a filter, expanding a row, and the pages', async () => {
    const { page, errors } = await open(files.big);
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let tabs = 0; (await focused()) !== 'filter-search'; tabs++) {
      expect(tabs, 'the search field is reached with Tab').toBeLessThan(80);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('dep-0001');
    await expect.poll(() => countText(page)).toMatch(/ of \d+ matching finding/);
    const searched = big.findings.filter((f) => f.deployment.startsWith('dep-0001')).length;
    expect(await countText(page)).toContain(`of ${searched.toLocaleString('en-US')} matching finding`);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('filter-severity');
    await page.keyboard.type('w');
    await expect.poll(() => page.inputValue('#filter-severity')).toBe('warning');
    expect(new Set((await page.$$eval('tr.finding .badge', (b) => b.map((x) => x.textContent))).filter((t) => t !== 'waived'))).toEqual(new Set(['warning']));
    // Back to all severities, then Tab on to the first row's button: Enter opens it, Space closes it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.inputValue('#filter-severity')).toBe('');
    await page.focus('tr.finding button.expand');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('tr.finding button.expand', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('tr.finding button.expand', 'aria-expanded')).toBe('false');
    // Empty the search from the keyboard, then page on with Enter on the Next button.
    await page.focus('#filter-search');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => countText(page)).toContain(`of ${big.findings.length.toLocaleString('en-US')} matching finding`);
    await page.focus('[data-page="next"]');
    await page.keyboard.press('Enter');
    expect(await page.textContent('.page-label')).toBe(`Page 2 of ${Math.ceil(big.findings.length / 50)}`);
    expect(await page.getAttribute('tr.finding', 'data-finding')).toBe('50');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe-core violation, with a row expanded and the data tables open', async () => {
    const { page } = await open(files.demo);
    await page.click('tr.finding button.expand');
    await page.$$eval('details.chart-data', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused).
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('keeps report text inert: nothing it holds runs or loads', async () => {
    const { page, errors, requests, url } = await open(files.hostile);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.textContent('tr[data-finding="0"] td.message')).toContain('</script><script>window.pwned=1</script>');
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders 10,000 deployments in under 2 s, and filters them exactly', async () => {
    expect(big.summary.deployments).toBe(10_000);
    // From navigation start to the first frame after the script has drawn the charts and the table, as
    // the page records it; the best of three loads, as other processes on this shared machine add their
    // own time to any one. A first load warms the browser up (its font and code caches), as a reader's
    // browser is, and is not counted.
    await (await open(files.big)).page.close();
    const times: number[] = [];
    for (let load = 0; load < 3; load++) {
      const { page } = await open(files.big);
      times.push(Number(await page.getAttribute('body', 'data-render-ms')));
      await page.close();
    }
    console.log(`HTML report of ${big.summary.deployments} deployments and ${big.findings.length} findings: first frame at ${times.map((t) => Math.round(t)).join(', ')} ms`);
    expect(Math.min(...times)).toBeLessThan(2_000);
    const { page, errors, requests, url } = await open(files.big);
    for (const [key, value] of Object.entries(big.summary)) expect(await page.textContent(`[data-count="${key}"] dd`), key).toBe(value.toLocaleString('en-US'));
    const provider = 'softbank';
    await page.selectOption('#filter-provider', provider);
    const providerOf = new Map(big.deployments!.map((d) => [d.name, d.provider]));
    const expected = big.findings.filter((f) => providerOf.get(f.deployment) === provider).length;
    expect(await countText(page)).toContain(`of ${expected.toLocaleString('en-US')} matching finding`);
    expect(new Set(await page.$$eval('tr.finding', (rows) => rows.map((r) => (r as HTMLElement).dataset.provider)))).toEqual(new Set([provider]));
    const rule = 'rofr-required-for-new-capacity';
    await page.selectOption('#filter-rule', rule);
    const both = big.findings.filter((f) => f.rule === rule && providerOf.get(f.deployment) === provider).length;
    expect(await countText(page)).toContain(`of ${both.toLocaleString('en-US')} matching finding`);
    expect(new Set(await visibleRules(page))).toEqual(new Set([rule]));
    await page.locator('#findings').screenshot({ path: path.join(SCREENSHOTS, 'filtered-table.png') });
    const charts = await page.evaluate(() => Object.keys(window.accordCharts!));
    expect(charts).toEqual(expect.arrayContaining(['chart-quarters', 'chart-waivers', 'chart-ledger-0-gpus']));
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

interface Point {
  x: number;
  y: number;
}
