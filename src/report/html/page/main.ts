import type { PageModel } from '../page-model-types.js';
import { ledgerCharts } from './charts/ledger-charts.js';
import { quartersChart } from './charts/quarters-chart.js';
import type { Chart } from './charts/setup.js';
import { waiversChart } from './charts/waivers-chart.js';
import { el } from './dom.js';
import { findingsTable } from './findings/findings-table.js';
import { unpackFindings } from '../packed-findings.js';

declare global {
  interface Window {
    /** The page's charts by canvas id, for scripts (and tests) that read what was drawn. */
    accordCharts?: Record<string, Chart>;
  }
}

const model = JSON.parse(document.getElementById('accord-data')!.textContent!) as PageModel;

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
