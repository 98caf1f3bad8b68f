import { describeConditions, didYouMean, exampleViolation, loadPolicy, type RuleInfo } from '../index.js';
import { write, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export async function runRulesCommand(id: string | undefined, flags: { rules?: string[]; format: 'text' | 'json' | 'markdown' }, io: CliIo): Promise<number> {
  const policy = await loadPolicy({ rules: flags.rules, cwd: io.cwd });
  const rules = policy.rules;
  if (id !== undefined) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      const ids = rules.map((r) => r.id);
      throw new UsageError(`no rule "${id}" in the pack${didYouMean(id, ids)} (rules: ${ids.join(', ')})`);
    }
    await write(io.stdout, flags.format === 'json' ? `${JSON.stringify(rule, null, 2)}\n` : explain(rule, exampleViolation(rule, io.cwd)));
    return 0;
  }
  const pack = policy.rulePack;
  if (flags.format === 'json') await write(io.stdout, `${JSON.stringify({ rulePack: pack, rules }, null, 2)}\n`);
  else if (flags.format === 'markdown') await write(io.stdout, markdownTable(rules));
  else await write(io.stdout, textList(rules, `${pack.name} ${pack.version} (${pack.rules} rules, sha256 ${pack.sha256})`));
  return 0;
}

function windowText(rule: RuleInfo): string {
  const { from, until } = rule.effective;
  if (!from && !until) return 'open';
  return [from && `from ${from}`, until && `until ${until}`].filter(Boolean).join(' ');
}

function textList(rules: readonly RuleInfo[], pack: string): string {
  const out = [`rule pack ${pack}`, ''];
  for (const r of rules) {
    out.push(`${r.id}  [${r.severity}, ${windowText(r)}]`, `  ${r.title}`, `  clause: ${r.clause}`, '');
  }
  return `${out.join('\n')}`;
}

/** The README's rule table is this output; a test fails when the committed copy is stale. */
function markdownTable(rules: readonly RuleInfo[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${windowText(r)} | ${cell(r.title)} | ${cell(r.clause)} |`);
  return `${['| id | severity | effective | title | clause |', '|---|---|---|---|---|', ...rows].join('\n')}\n`;
}

function explain(rule: RuleInfo, example: { file: string; text: string } | undefined): string {
  const out = [
    `${rule.id}: ${rule.title}`,
    `severity: ${rule.severity}; effective: ${windowText(rule)}; defined in ${rule.file}`,
    '',
    'Clause:',
    `  ${rule.clause}`,
    `  (${rule.source})`,
    '',
    `A deployment violates it when${rule.each ? ` (for each element of ${rule.each}, as "item")` : ''}:`,
    ...describeConditions(rule.conditions, 1),
    '',
    'Message:',
    `  ${rule.message}`,
    '',
    'Remediation:',
    `  ${rule.remediation}`,
  ];
  if (example) out.push('', `Example violation (${example.file}):`, ...example.text.trimEnd().split('\n').map((l) => `  ${l}`));
  return `${out.join('\n')}\n`;
}
