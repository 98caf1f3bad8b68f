import type { FindingRow, PageModel } from '../../page-model-types.js';
import { el, formatNumber, location, plural } from '../dom.js';
import { findingDetails } from './finding-details.js';
import { filterForm, matches, noFilters, searchText, type Filters } from './filters.js';

const PAGE_SIZE = 50;
const COLUMNS = ['Severity', 'Rule', 'Deployment', 'Provider', 'Workload', 'Location', 'Message'];

/**
 * The findings, filtered and paged: only one page of rows is in the document at a time, so ten
 * thousand findings cost no more to show than fifty. Expanded rows stay expanded across pages.
 */
export function findingsTable(model: PageModel, rows: readonly FindingRow[], into: HTMLElement): void {
  const rules = new Map(model.rules.map((r) => [r.id, r]));
  const haystacks: (string | undefined)[] = new Array(rows.length);
  const expanded = new Set<number>();
  let filters: Filters = noFilters;
  let visible: number[] = rows.map((_, i) => i);
  let page = 0;

  if (rows.length === 0) {
    into.replaceChildren(el('p', { class: 'empty' }, 'No findings: every deployment checked meets every rule in force on its go-live date.'));
    return;
  }
  const status = el('p', { class: 'result-count', id: 'findings-count', role: 'status', 'aria-live': 'polite' });
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'findings', 'aria-describedby': 'findings-count' },
    el('caption', { class: 'visually-hidden' }, 'Findings; each row has a button that shows its details'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Details')), ...COLUMNS.map((c) => el('th', { scope: 'col' }, c)))),
    body,
  );
  const previous = el('button', { type: 'button', class: 'pager-button', 'data-page': 'previous' }, '← Previous');
  const next = el('button', { type: 'button', class: 'pager-button', 'data-page': 'next' }, 'Next →');
  const pageLabel = el('span', { class: 'page-label' });
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of findings' }, previous, pageLabel, next);

  const render = (): void => {
    const pages = Math.max(1, Math.ceil(visible.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const first = page * PAGE_SIZE;
    const shown = visible.slice(first, first + PAGE_SIZE);
    body.replaceChildren(...shown.flatMap((index) => rowElements(index)));
    status.textContent =
      visible.length === 0
        ? `No finding matches the filters (of ${plural(rows.length, 'finding')}).`
        : `Showing ${formatNumber(first + 1)}–${formatNumber(first + shown.length)} of ${plural(visible.length, 'matching finding')} (${formatNumber(rows.length)} in all).`;
    pageLabel.textContent = `Page ${page + 1} of ${pages}`;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    pager.hidden = pages === 1;
  };

  const rowElements = (index: number): HTMLTableRowElement[] => {
    const row = rows[index]!;
    const open = expanded.has(index);
    const detailsId = `finding-${index}-details`;
    const button = el('button', { type: 'button', class: 'expand', 'aria-expanded': String(open), 'aria-controls': detailsId, 'aria-label': `Details of ${row.rule} on ${row.deployment}` }, open ? '▾' : '▸');
    button.addEventListener('click', () => {
      if (expanded.has(index)) expanded.delete(index);
      else expanded.add(index);
      const nowOpen = expanded.has(index);
      button.setAttribute('aria-expanded', String(nowOpen));
      button.textContent = nowOpen ? '▾' : '▸';
      detail.hidden = !nowOpen;
      if (nowOpen && detail.firstElementChild!.childElementCount === 0) detail.firstElementChild!.append(findingDetails(row, rules.get(row.rule)));
    });
    const tr = el(
      'tr',
      { class: `finding severity-${row.severity}${row.waived ? ' waived' : ''}`, 'data-finding': String(index), 'data-rule': row.rule, 'data-provider': row.provider ?? '' },
      el('td', {}, button),
      el('td', {}, el('span', { class: `badge badge-${row.severity}` }, row.severity), row.waived ? el('span', { class: 'badge badge-waived' }, 'waived') : null),
      el('td', {}, el('code', {}, row.rule)),
      el('td', {}, row.deployment),
      el('td', {}, row.provider ?? '–'),
      el('td', {}, row.workload ?? '–'),
      el('td', {}, el('code', { class: 'location' }, ...breakable(location(row.file, row.line, row.column)))),
      el('td', { class: 'message' }, row.message),
    );
    const detail = el('tr', { id: detailsId, class: 'finding-details' }, el('td', { colspan: String(COLUMNS.length + 1) }, open ? findingDetails(row, rules.get(row.rule)) : null));
    detail.hidden = !open;
    return [tr, detail];
  };

  const apply = (next: Filters): void => {
    filters = next;
    visible = [];
    for (let i = 0; i < rows.length; i++) {
      if (matches(rows[i]!, filters, () => (haystacks[i] ??= searchText(rows[i]!)))) visible.push(i);
    }
    page = 0;
    render();
  };
  previous.addEventListener('click', () => {
    page--;
    render();
  });
  next.addEventListener('click', () => {
    page++;
    render();
  });

  into.replaceChildren(filterForm(rows, apply), status, el('div', { class: 'table-wrap' }, table), pager);
  render();
}

/** A path that may wrap after each `/` (and nowhere else: `file.yaml:12:5` stays whole). */
function breakable(path: string): (string | HTMLElement)[] {
  return path.split(/(?<=\/)/).flatMap((part, i) => (i === 0 ? [part] : [el('wbr'), part]));
}
