import type { PageModel } from '../page-model-types.js';
import { ledgerCharts } from './charts/ledger-charts.js';
import { quartersChart } from './charts/quarters-chart.js';
import type { Chart } from './charts/setup.js';
import { waiversChart } from './charts/waivers-chart.js';
import { el } from './dom.js';
import { findingsTable } from './findings/findings-table.js';

declare global {
  interface Window {
    /** The page's charts by canvas id, for scripts (and tests) that read what was drawn. */
    accordCharts?: Record<string, Chart>;
  }
}

const model = JSON.parse(document.getElementById('accord-data')!.textContent!) as PageModel;

const charts = document.getElementById('charts')!;
const capacity = el('div', { class: 'chart-row' });
const ledger = el('div', { class: 'chart-grid' });
const waivers = el('div', { class: 'chart-row' });
charts.replaceChildren(capacity, ledger, waivers);
const drawn = [quartersChart(model, capacity), ...ledgerCharts(model.ledger, ledger), waiversChart(model, waivers)].filter((c) => c !== undefined);
window.accordCharts = Object.fromEntries(drawn.map((c) => [c.canvas.id, c]));

findingsTable(model, document.getElementById('findings-app')!);
document.body.dataset.renderMs = String(Math.round(performance.now()));
document.body.dataset.ready = 'true';
