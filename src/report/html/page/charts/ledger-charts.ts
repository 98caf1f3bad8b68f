import type { LedgerView } from '../../page-model-types.js';
import { plural } from '../dom.js';
import { chartCard, dataTable, emptyCard, type DrawChart } from './chart-card.js';
import { Chart, colours, formatNumber } from './setup.js';

/** Up to this many deployments, the axis names each one. */
const NAMED = 24;
/** Up to this many deployments, one bar each. */
const MAX_BARS = 200;

interface Metric {
  key: 'gpus' | 'megawatts';
  unit: string;
  cap: number | undefined;
  cumulative: (number | undefined)[];
}

/** Per approval, the running total of what its deployments use (GPUs, and megawatts where tracked) against its caps. */
export function ledgerCharts(ledger: readonly LedgerView[], into: HTMLElement): DrawChart[] {
  if (ledger.length === 0) {
    into.append(emptyCard('ledger', 'Approvals: cumulative use against caps', 'This report has no approval ledger: no approvals registry was given, or no deployment cites an approval it covers.'));
    return [];
  }
  const charts: DrawChart[] = [];
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

function ledgerChart(entry: LedgerView, metric: Metric, id: string, title: string, into: HTMLElement): DrawChart {
  const names = entry.deployments.map((d) => d.name);
  const total = metric.cumulative[metric.cumulative.length - 1] ?? 0;
  const over = metric.cap === undefined ? -1 : metric.cumulative.findIndex((v) => v !== undefined && v > metric.cap!);
  const status =
    metric.cap === undefined
      ? `No total cap on ${metric.unit}; ${formatNumber(total)} ${metric.unit} in use.`
      : `${formatNumber(total)} of ${formatNumber(metric.cap)} ${metric.unit} (${Math.round((100 * total) / metric.cap)}%)` +
        (over >= 0 ? `; the cap is passed at ${names[over]}, and ${plural(names.length - over, 'deployment')} from there on ${names.length - over === 1 ? 'is' : 'are'} past it.` : '; within the cap.');
  const { card, canvas } = chartCard({
    id,
    title,
    note: `${plural(names.length, 'deployment')} covered, by go-live date. ${status}`,
    label: `${names.length > MAX_BARS ? 'Stepped line chart' : 'Bar chart, one bar per deployment'}: running total of ${metric.unit} under ${entry.approval} in go-live order${metric.cap === undefined ? '' : `, against a cap of ${formatNumber(metric.cap)}`}. ${status}`,
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
  // A linear axis of positions in go-live order, not one category per name: a ledger of thousands
  // of deployments would have Chart.js measure thousands of labels. Small ledgers still show names.
  const n = names.length;
  // Within the cap and past it as two series of one colour each (not a colour per bar, which has
  // Chart.js resolve every bar's options on its own): the legend names the colours, and it is faster.
  const points = metric.cumulative.map((v, i) => ({ x: i + 1, y: v ?? null }));
  // Past a few hundred deployments bars are thinner than a pixel and cost the most to draw: the
  // running total is then a stepped line.
  const bar = n > MAX_BARS ? { type: 'line' as const, stepped: 'middle' as const, pointRadius: 0, borderWidth: 2, order: 2 } : { type: 'bar' as const, grouped: false, order: 2 };
  const datasets = [
    { ...bar, label: `Cumulative ${metric.unit}, within the cap`, data: over < 0 ? points : points.slice(0, over), backgroundColor: colours.within, borderColor: colours.within },
    ...(over < 0 ? [] : [{ ...bar, label: `Cumulative ${metric.unit}, past the cap`, data: points.slice(over), backgroundColor: colours.over, borderColor: colours.over }]),
    ...(metric.cap === undefined
      ? []
      : [{ type: 'line' as const, label: `Cap (${formatNumber(metric.cap)} ${metric.unit})`, data: [{ x: 0.5, y: metric.cap }, { x: n + 0.5, y: metric.cap }], borderColor: colours.cap, borderDash: [6, 4], borderWidth: 2, pointRadius: 0, order: 1 }]),
  ];
  return () =>
    new Chart(canvas, {
      data: { datasets },
      options: {
        parsing: false,
        normalized: true,
        scales: {
          x: {
            type: 'linear',
            min: 0.5,
            max: n + 0.5,
            // Bars bring a half-bar margin of their own; min and max above already leave it.
            offset: false,
            grid: { display: false },
            title: { display: n > NAMED, text: 'deployments in go-live order' },
            ticks: n > NAMED ? { precision: 0 } : { autoSkip: false, callback: (v) => names[Number(v) - 1] ?? '' },
            // Ticks on deployments only: each one by name when there are few, else whole positions.
            afterBuildTicks: (axis) => {
              axis.ticks = n > NAMED ? axis.ticks.filter((t) => Number.isInteger(t.value) && t.value >= 1 && t.value <= n) : names.map((_, i) => ({ value: i + 1 }));
            },
          },
          y: { beginAtZero: true, title: { display: true, text: metric.unit }, ticks: { callback: (v) => formatNumber(Number(v)) } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            filter: (item) => item.datasetIndex < datasets.length - (metric.cap === undefined ? 0 : 1),
            callbacks: {
              title: (items) => names[position(items) - 1] ?? '',
              afterTitle: (items) => `go-live ${entry.deployments[position(items) - 1]?.date ?? ''}`,
            },
          },
        },
      },
    });
}

/** The 1-based go-live position of the bar under the pointer. */
function position(items: { parsed: { x: number | null } }[]): number {
  return items[0]?.parsed.x ?? 0;
}
