import { el, formatNumber } from '../dom.js';
import type { Chart } from './setup.js';

/**
 * Draws a chart whose card is in the page. Cards go in first and charts are drawn after: a chart
 * drawn before the cards beside it are in would be sized for a layout about to change, and redrawn.
 */
export type DrawChart = () => Chart;

export interface ChartCardOptions {
  id: string;
  title: string;
  /** One sentence under the title: what to read from the chart. */
  note: string;
  /** The canvas's accessible name: the chart in words. */
  label: string;
  height: number;
  /** The chart's data as a table, built the first time a reader opens it. */
  table: () => HTMLTableElement;
}

/** A titled card with the chart's canvas, and its data as a table for screen readers and exact values. */
export function chartCard(options: ChartCardOptions): { card: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = el('canvas', { id: `chart-${options.id}`, role: 'img', 'aria-label': options.label, 'data-chart': options.id }, options.label);
  const box = el('div', { class: 'chart-box' }, canvas);
  box.style.height = `${options.height}px`;
  const details = el('details', { class: 'chart-data' }, el('summary', {}, 'Show the data as a table'));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(el('div', { class: 'table-wrap' }, options.table()));
  });
  const titleId = `chart-${options.id}-title`;
  const card = el('article', { class: 'card chart-card', 'aria-labelledby': titleId }, el('h3', { id: titleId }, options.title), el('p', { class: 'card-note' }, options.note), box, details);
  return { card, canvas };
}

/** A card that says why there is no chart. */
export function emptyCard(id: string, title: string, message: string): HTMLElement {
  const titleId = `chart-${id}-title`;
  return el('article', { class: 'card chart-card empty-chart', 'aria-labelledby': titleId, 'data-empty-chart': id }, el('h3', { id: titleId }, title), el('p', { class: 'empty' }, message));
}

/** A table with a header row and body rows of text. */
export function dataTable(caption: string, head: string[], rows: (string | number)[][]): HTMLTableElement {
  return el(
    'table',
    { class: 'data' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, typeof cell === 'number' ? formatNumber(cell) : cell))))),
  );
}
