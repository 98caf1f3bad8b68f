import type { FindingRow, RuleText } from '../../page-model-types.js';
import { el, location } from '../dom.js';

/** What an expanded row shows: the message, the evidence, the clause, the remediation and the waiver. */
export function findingDetails(row: FindingRow, rule: RuleText | undefined): HTMLElement {
  const entries: [string, Node | string][] = [
    ['Message', row.message],
    ['Evidence', row.evidence.length === 0 ? 'none recorded' : el('ul', { class: 'evidence' }, ...row.evidence.map((e) => el('li', {}, el('code', {}, e))))],
    ['Field', el('code', {}, `${row.path} at ${location(row.file, row.line, row.column)}`)],
    ['Rule', rule ? `${row.rule}: ${rule.title}` : row.rule],
    ['Clause', el('blockquote', {}, row.clause ?? rule?.clause ?? '')],
    ['Remediation', rule?.remediation ?? 'not given: the rule is not in the report'],
  ];
  if (row.waived) {
    const w = row.waiver;
    entries.push(['Waiver', w ? `Waived by ${w.approvedBy} until ${w.expiresOn} (waiver for ${w.rule} on ${w.deployment}): ${w.reason}` : 'Waived.']);
  } else {
    entries.push(['Waiver', 'None: this finding is active.']);
  }
  return el('dl', { class: 'details' }, ...entries.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}
