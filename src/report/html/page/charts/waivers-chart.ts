import type { WaiverStatus } from '../../../../types.js';
import type { PageModel } from '../../page-model-types.js';
import { plural } from '../dom.js';
import { chartCard, dataTable, emptyCard, type DrawChart } from './chart-card.js';
import { Chart, colours } from './setup.js';

const TITLE = 'Waivers to their expiry';
const DAY = 86_400_000;

const statuses: { status: WaiverStatus['status']; label: string; colour: string }[] = [
  { status: 'expiring', label: 'Expires within 30 days', colour: colours.expiring },
  { status: 'active', label: 'Active', colour: colours.active },
  { status: 'expired', label: 'Expired (suppresses nothing)', colour: colours.expired },
];

/** One bar per waiver, from the run date to its expiry (or from its expiry to the run date, once expired). */
export function waiversChart(model: PageModel, into: HTMLElement): DrawChart | undefined {
  const waivers = model.waivers;
  if (waivers.length === 0) {
    into.append(emptyCard('waivers', TITLE, 'This run has no waivers.'));
    return undefined;
  }
  const asOf = day(model.asOf);
  const labels = waivers.map((w) => `${w.status === 'expiring' ? '⚠ ' : ''}${w.rule} · ${w.deployment}`);
  const expiring = waivers.filter((w) => w.status === 'expiring').length;
  const present = statuses.filter((s) => waivers.some((w) => w.status === s.status));
  const days = waivers.map((w) => day(w.expiresOn));
  const { card, canvas } = chartCard({
    id: 'waivers',
    title: TITLE,
    note: `From the run date (${model.asOf}) to each waiver's expiry; ${expiring === 0 ? 'none expires' : `${plural(expiring, 'waiver')} ${expiring === 1 ? 'expires' : 'expire'}`} within 30 days (⚠).`,
    label: `Timeline: ${plural(waivers.length, 'waiver')} from the run date ${model.asOf} to their expiry; ${expiring} within 30 days.`,
    height: Math.min(120 + 30 * waivers.length, 2400),
    table: () =>
      dataTable(
        'Waivers by expiry',
        ['Rule', 'Deployments', 'Expires on', 'Status', 'Used in this run', 'Approved by', 'Reason'],
        waivers.map((w) => [w.rule, w.deployment, w.expiresOn, statuses.find((s) => s.status === w.status)!.label, w.used ? 'yes' : 'no', w.approvedBy, w.reason]),
      ),
  });
  into.append(card);
  return () =>
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        // One dataset per status, so the legend names the colours; `grouped: false` keeps one bar per row.
        datasets: present.map((s) => ({
          label: s.label,
          data: waivers.map((w, i) => (w.status !== s.status ? null : w.status === 'expired' ? [days[i]!, asOf] : [asOf, days[i]!])) as [number, number][],
          backgroundColor: s.colour,
          grouped: false,
          barPercentage: 0.7,
          minBarLength: 3,
        })),
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { type: 'linear', min: Math.min(asOf, ...days) - 14, max: Math.max(asOf, ...days) + 14, ticks: { callback: (v) => isoDate(Number(v)), maxTicksLimit: 8, includeBounds: false } },
          y: { ticks: { callback: (_v, i) => shorten(labels[i] ?? '') } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              title: (items) => labels[items[0]?.dataIndex ?? 0] ?? '',
              label: (item) => {
                const w = waivers[item.dataIndex]!;
                return [`expires ${w.expiresOn} (${w.status})`, `approved by ${w.approvedBy}`, w.reason];
              },
            },
          },
        },
      },
    });
}

function day(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}

function isoDate(days: number): string {
  return new Date(Math.round(days) * DAY).toISOString().slice(0, 10);
}

function shorten(label: string): string {
  return label.length > 48 ? `${label.slice(0, 47)}…` : label;
}
