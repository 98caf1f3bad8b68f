import type { PageModel } from '../../page-model-types.js';
import { plural } from '../dom.js';
import { chartCard, dataTable, emptyCard, type DrawChart } from './chart-card.js';
import { Chart, colours, formatNumber, providerColour } from './setup.js';

const TITLE = 'GPUs going live per quarter, through 2030';

/** Stacked bars by provider, with Azure's share of each quarter as a line on a percentage axis. */
export function quartersChart(model: PageModel, into: HTMLElement): DrawChart | undefined {
  const { labels, providers, azureShare, after2030 } = model.quarters;
  if (labels.length === 0) {
    const why = model.listedDeployments === null ? 'This report does not list its deployments.' : model.listedDeployments === 0 ? 'The report lists no checked deployment.' : 'No deployment goes live before the end of 2030.';
    into.append(emptyCard('quarters', TITLE, why));
    return undefined;
  }
  const later = after2030 > 0 ? ` ${plural(after2030, 'deployment')} going live after 2030 ${after2030 === 1 ? 'is' : 'are'} left out.` : '';
  const { card, canvas } = chartCard({
    id: 'quarters',
    title: TITLE,
    note: `New GPUs by the quarter they go live (metadata.date), stacked by provider; the line is Azure's share of each quarter.${later}`,
    label: `Stacked bar chart: GPUs going live per quarter from ${labels[0]} to ${labels[labels.length - 1]}, by provider (${providers.map((p) => p.provider).join(', ')}), with Azure's share as a line.`,
    height: 360,
    table: () =>
      dataTable(
        'GPUs going live per quarter, by provider',
        ['Quarter', ...providers.map((p) => p.provider), 'Azure share'],
        labels.map((label, i) => [label, ...providers.map((p) => p.gpus[i] ?? 0), azureShare[i] === null ? '–' : `${azureShare[i]}%`]),
      ),
  });
  into.append(card);
  return () =>
    new Chart(canvas, {
      data: {
        labels,
        datasets: [
          ...providers.map((p) => ({ type: 'bar' as const, label: p.provider, data: p.gpus, backgroundColor: providerColour(p.provider), stack: 'gpus', yAxisID: 'y', order: 2 })),
          {
            type: 'line' as const,
            label: 'Azure share (%)',
            data: azureShare,
            yAxisID: 'share',
            borderColor: colours.ink,
            backgroundColor: colours.ink,
            borderWidth: 2,
            pointRadius: 3,
            spanGaps: true,
            order: 1,
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: 'GPUs going live' }, ticks: { callback: (v) => formatNumber(Number(v)) } },
          share: { position: 'right', min: 0, max: 100, title: { display: true, text: 'Azure share' }, grid: { drawOnChartArea: false }, ticks: { callback: (v) => `${v}%` } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (item) => (item.dataset.yAxisID === 'share' ? `Azure share: ${item.formattedValue}%` : `${item.dataset.label}: ${formatNumber(Number(item.raw))} GPUs`) } },
        },
      },
    });
}
