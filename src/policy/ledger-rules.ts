import { formatPath, type PathSegment } from '../path.js';
import { jsonPathSegments } from './facts.js';
import { isFactRef, isLeaf, type Condition, type RuleFile } from './rule-types.js';

/** An approval's caps on totals: only an approval with one has a ledger. */
const CAP_FACTS: readonly string[] = ['approval.maxTotalGpus', 'approval.maxTotalMegawatts'];

/** The derived facts known only once every deployment of a run is read: a rule that reads one is a ledger rule. */
export const LEDGER_FACTS: readonly string[] = ['approval.cumulativeGpus', 'approval.cumulativeMegawatts', ...CAP_FACTS];

/**
 * Every field a ledger rule may read: what the ledger keeps of each deployment (LedgerDeployment
 * in a report). Because a report's ledger holds all of them, a merge of reports can evaluate
 * ledger rules again over the merged ledger, as one run would have.
 */
export const LEDGER_RULE_FIELDS: readonly string[] = [
  'metadata.name',
  'metadata.date',
  'spec.provider',
  'spec.workload',
  'spec.capacity.gpus',
  'spec.capacity.megawatts',
  'spec.approval.reference',
  'approval.status',
  'approval.reference',
  'approval.problem',
  ...LEDGER_FACTS,
];

/** Where every ledger finding points: the ledger keeps no other position. */
export const LEDGER_RULE_AT = 'spec.approval.reference';

interface FieldRead {
  field: string;
  /** Where in the rule file it is read. */
  segments: PathSegment[];
}

export function usesLedgerFacts(rule: Pick<RuleFile, 'conditions' | 'message'>): boolean {
  return fieldsRead(rule).some((read) => LEDGER_FACTS.includes(read.field));
}

/**
 * A ledger rule reads only the ledger's fields, compares with an approval's cap (only an approval
 * with a cap has a ledger, so a rule that compares a total with a number of its own would silently
 * skip every other approval), has no `each`, and points at spec.approval.reference.
 */
export function ledgerRuleIssues(rule: RuleFile): { segments: PathSegment[]; message: string }[] {
  const reads = fieldsRead(rule);
  const ledgerFact = reads.find((read) => LEDGER_FACTS.includes(read.field))?.field;
  if (ledgerFact === undefined) return [];
  const why = `a rule that reads ${ledgerFact} is evaluated on the capacity ledger once the whole run is read`;
  const issues: { segments: PathSegment[]; message: string }[] = [];
  if (!reads.some((read) => CAP_FACTS.includes(read.field) && read.segments[0] === 'conditions')) {
    issues.push({ segments: ['conditions'], message: `${why}, which only approvals with a cap have: its conditions must compare with ${CAP_FACTS.join(' or ')} (set the cap in the approvals registry)` });
  }
  if (rule.each !== undefined) issues.push({ segments: ['each'], message: `${why}, one finding per deployment in it: it cannot use "each"` });
  if (rule.at !== LEDGER_RULE_AT) issues.push({ segments: ['at'], message: `${why}, whose findings point at ${LEDGER_RULE_AT}: set "at" to "${LEDGER_RULE_AT}"` });
  for (const read of reads) {
    if (!LEDGER_RULE_FIELDS.includes(read.field)) {
      issues.push({ segments: read.segments, message: `${why}, which keeps only ${LEDGER_RULE_FIELDS.join(', ')}: it cannot read ${read.field}` });
    }
  }
  return issues;
}

function fieldsRead(rule: Pick<RuleFile, 'conditions' | 'message'>): FieldRead[] {
  const reads: FieldRead[] = [];
  const field = (fact: string, path: string | undefined) => formatPath([fact, ...jsonPathSegments(path)]);
  const visit = (condition: Condition, at: PathSegment[]): void => {
    if (isLeaf(condition)) {
      reads.push({ field: field(condition.fact, condition.path), segments: [...at, condition.path === undefined ? 'fact' : 'path'] });
      if (isFactRef(condition.value)) reads.push({ field: field(condition.value.fact, condition.value.path), segments: [...at, 'value'] });
    } else if ('all' in condition) condition.all.forEach((c, i) => visit(c, [...at, 'all', i]));
    else if ('any' in condition) condition.any.forEach((c, i) => visit(c, [...at, 'any', i]));
    else visit(condition.not, [...at, 'not']);
  };
  visit(rule.conditions, ['conditions']);
  for (const match of rule.message.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) reads.push({ field: match[1] ?? '', segments: ['message'] });
  return reads;
}
