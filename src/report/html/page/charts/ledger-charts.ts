import type { LedgerEntry } from '../../../../types.js';
import { plural } from '../dom.js';
import { chartCard, dataTable, emptyCard } from './chart-card.js';
import { Chart, colours, formatNumber } from './setup.js';

interface Metric {
  key: 'gpus' | 'megawatts';
  unit: string;
  cap: number | undefined;
  cumulative: (number | undefined)[];
}

/** Per approval, the running total of what its deployments use (GPUs, and megawatts where tracked) against its caps. */
export function ledgerCharts(ledger: readonly LedgerEntry[], into: HTMLElement): Chart[] {
  if (ledger.length === 0) {
    into.append(emptyCard('ledger', 'Approvals: cumulative use against caps', 'This report has no approval ledger: no approvals registry was given, or no deployment cites an approval it covers.'));
    return [];
  }
  const charts: Chart[] = [];
  ledger.forEach((entry, index) => {
    const metrics: Metric[] = [{ key: 'gpus', unit: 'GPUs', cap: entry.maxTotalGpus, cumulative: entry.deployments.map((d) => d.cumulativeGpus) }];
    if (entry.maxTotalMegawatts !== undefined || entry.deployments.some((d) => d.cumulativeMegawatts !== undefined)) {
      metrics.push({ key: 'megawatts', unit: 'MW', cap: entry.maxTotalMegawatts, cumulative: entry.deployments.map((d) => d.cumulativeMegawatts) });
    }
    for (const metric of metrics) {
      const id = `ledger-${index}-${metric.key}`;
      const title = `${entry.approval}: cumulative ${metric.unit}`;
      if (entry.deployments.length === 0) {
        into.append(emptyCard(id, title, 'No deployment of this run is covered by this approval.'));
        continue;
      }
      charts.push(ledgerChart(entry, metric, id, title, into));
    }
  });
  return charts;
}

function ledgerChart(entry: LedgerEntry, metric: Metric, id: string, title: string, into: HTMLElement): Chart {
  const names = entry.deployments.map((d) => d.name);
  const total = metric.cumulative[metric.cumulative.length - 1] ?? 0;
  const over = metric.cap === undefined ? -1 : metric.cumulative.findIndex((v) => v !== undefined && v > metric.cap!);
  const status =
    metric.cap === undefined
      ? `No total cap on ${metric.unit}; ${formatNumber(total)} ${metric.unit} in use.`
      : `${formatNumber(total)} of ${formatNumber(metric.cap)} ${metric.unit} (${Math.round((100 * total) / metric.cap)}%)` +
        (over >= 0 ? `; the cap is passed at ${names[over]}, and ${plural(names.length - over, 'deployment')} from there on exceed it.` : '; within the cap.');
  const { card, canvas } = chartCard({
    id,
    title,
    note: `${plural(names.length, 'deployment')} covered, by go-live date. ${status}`,
    label: `Bar chart: running total of ${metric.unit} under ${entry.approval}, one bar per deployment in go-live order${metric.cap === undefined ? '' : `, against a cap of ${formatNumber(metric.cap)}`}. ${status}`,
    height: 260,
    table: () =>
      dataTable(
        `${entry.approval}: running total of ${metric.unit}`,
        ['Deployment', 'Go-live', metric.unit, `Cumulative ${metric.unit}`, 'Over the cap'],
        entry.deployments.map((d, i) => [d.name, d.date, (metric.key === 'gpus' ? d.gpus : d.megawatts) ?? '–', metric.cumulative[i] ?? '–', over >= 0 && i >= over ? 'yes' : 'no']),
      ),
  });
  card.classList.toggle('over-cap', over >= 0);
  into.append(card);
  const datasets = [
    {
      type: 'bar' as const,
      label: `Cumulative ${metric.unit}`,
      data: metric.cumulative.map((v) => v ?? null),
      backgroundColor: metric.cumulative.map((_, i) => (over >= 0 && i >= over ? colours.over : colours.within)),
      order: 2,
    },
    ...(metric.cap === undefined
      ? []
      : [{ type: 'line' as const, label: `Cap (${formatNumber(metric.cap)} ${metric.unit})`, data: names.map(() => metric.cap!), borderColor: colours.cap, borderDash: [6, 4], borderWidth: 2, pointRadius: 0, order: 1 }]),
  ];
  return new Chart(canvas, {
    data: { labels: names, datasets },
    options: {
      scales: { x: { grid: { display: false } }, y: { beginAtZero: true, title: { display: true, text: metric.unit }, ticks: { callback: (v) => formatNumber(Number(v)) } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { afterTitle: (items) => `go-live ${entry.deployments[items[0]?.dataIndex ?? 0]?.date ?? ''}` } },
      },
    },
  });
}
