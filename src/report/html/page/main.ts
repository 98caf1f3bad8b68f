import { ledgerCharts } from './charts/ledger-charts.js';
import { quartersChart } from './charts/quarters-chart.js';
import type { Chart } from './charts/setup.js';
import { waiversChart } from './charts/waivers-chart.js';
import { el } from './dom.js';
import { findingsTable } from './findings/findings-table.js';
import { readPageData } from './page-data.js';
import { unpackFindings } from '../packed-findings.js';

declare global {
  interface Window {
    /** The page's charts by canvas id, for scripts (and tests) that read what was drawn. */
    accordCharts?: Record<string, Chart>;
  }
}

async function main(): Promise<void> {
  const model = await readPageData(document.getElementById('accord-data')!);

  // The table first: the page is then as tall as it will be, so the charts are sized once, not again
  // when a scroll bar appears beside them.
  findingsTable(model, unpackFindings(model.findings), document.getElementById('findings-app')!);

  const charts = document.getElementById('charts')!;
  const capacity = el('div', { class: 'chart-row' });
  const ledger = el('div', { class: 'chart-grid' });
  const waivers = el('div', { class: 'chart-row' });
  charts.replaceChildren(capacity, ledger, waivers);
  const draws = [quartersChart(model, capacity), ...ledgerCharts(model.ledger, ledger), waiversChart(model, waivers)].filter((draw) => draw !== undefined);
  window.accordCharts = Object.fromEntries(draws.map((draw) => draw()).map((chart) => [chart.canvas.id, chart]));

  // Ready once the browser has laid out and painted what was built: the time since navigation start,
  // which is how long the reader waited (the tests hold it under 2 s for 10,000 deployments).
  requestAnimationFrame(() =>
    setTimeout(() => {
      document.body.dataset.renderMs = String(Math.round(performance.now()));
      document.body.dataset.ready = 'true';
    }),
  );
}

main().catch((error: unknown) => {
  const message = `This page could not show its report (${error instanceof Error ? error.message : String(error)}); it needs a browser with DecompressionStream (2023 or later).`;
  document.getElementById('findings-app')!.replaceChildren(el('p', { class: 'empty', role: 'alert' }, message));
  throw error;
});
