import type { FindingRow } from '../../page-model-types.js';
import { el, formatNumber } from '../dom.js';

export interface Filters {
  search: string;
  severity: string;
  status: string;
  rule: string;
  provider: string;
  workload: string;
  file: string;
}

export const noFilters: Filters = { search: '', severity: '', status: '', rule: '', provider: '', workload: '', file: '' };

/** Whether a row passes every filter: selects match exactly, the file and the search match a part, ignoring case. */
export function matches(row: FindingRow, filters: Filters, haystack: () => string): boolean {
  if (filters.severity && row.severity !== filters.severity) return false;
  if (filters.status && (filters.status === 'waived') !== row.waived) return false;
  if (filters.rule && row.rule !== filters.rule) return false;
  if (filters.provider && (row.provider ?? '') !== filters.provider) return false;
  if (filters.workload && (row.workload ?? '') !== filters.workload) return false;
  if (filters.file && !row.file.toLowerCase().includes(filters.file.toLowerCase())) return false;
  return !filters.search || haystack().includes(filters.search.toLowerCase());
}

/** What a text search looks through. */
export function searchText(row: FindingRow): string {
  return [row.rule, row.severity, row.deployment, row.provider, row.workload, row.file, row.path, row.message, ...row.evidence, row.waiver?.reason].join('\n').toLowerCase();
}

/** The filter form: every control labelled, native, so it works from the keyboard and with a screen reader. */
export function filterForm(rows: readonly FindingRow[], onChange: (filters: Filters) => void): HTMLFormElement {
  const search = el('input', { type: 'search', id: 'filter-search', name: 'search', placeholder: 'message, deployment, field…', autocomplete: 'off' });
  const files = [...new Set(rows.map((r) => r.file))].sort();
  const file = el('input', { type: 'text', id: 'filter-file', name: 'file', list: 'filter-file-list', placeholder: 'any file', autocomplete: 'off' });
  // A datalist of thousands of files is slow to open and no help: past 1,000 the field is plain text.
  const fileList = el('datalist', { id: 'filter-file-list' }, ...files.slice(0, 1000).map((f) => el('option', { value: f })));
  const form = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter findings' },
    field('Search', search),
    field('Severity', select('severity', rows.map((r) => r.severity), ['error', 'warning', 'info'])),
    field('Status', select('status', rows.map((r) => (r.waived ? 'waived' : 'active')), ['active', 'waived'])),
    field('Rule', select('rule', rows.map((r) => r.rule))),
    field('Provider', select('provider', rows.map((r) => r.provider ?? ''))),
    field('Workload', select('workload', rows.map((r) => r.workload ?? ''))),
    field('File', file, fileList),
    el('button', { type: 'reset', class: 'reset' }, 'Clear filters'),
  );
  const read = (): Filters => {
    const data = new FormData(form);
    const value = (name: keyof Filters) => String(data.get(name) ?? '').trim();
    return { search: value('search'), severity: value('severity'), status: value('status'), rule: value('rule'), provider: value('provider'), workload: value('workload'), file: value('file') };
  };
  form.addEventListener('input', () => onChange(read()));
  form.addEventListener('change', () => onChange(read()));
  form.addEventListener('submit', (event) => event.preventDefault());
  // `reset` fires before the controls are cleared.
  form.addEventListener('reset', () => setTimeout(() => onChange(read())));
  return form;
}

function field(label: string, control: HTMLElement, ...extra: HTMLElement[]): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: control.id }, label), control, ...extra);
}

/** A select of the values present, each with its count; `order` puts known values first (severities). */
function select(name: string, values: string[], order: string[] = []): HTMLSelectElement {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  const options = [...counts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return el('select', { id: `filter-${name}`, name }, el('option', { value: '' }, 'All'), ...options.map((v) => el('option', { value: v }, `${v} (${formatNumber(counts.get(v)!)})`)));
}
