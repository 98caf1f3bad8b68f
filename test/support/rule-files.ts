import type { TempDir } from './tmp-dir.js';

/** A valid rule: API deployments off Azure. Tests break one thing at a time. */
export function ruleJson(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: 'API runs on Azure',
    severity: 'error',
    clause: 'The OpenAI API is exclusive to Azure.',
    source: 'test',
    message: 'API deployment {{metadata.name}} runs on {{spec.provider}}.',
    remediation: 'Move it to Azure.',
    at: 'spec.provider',
    conditions: {
      all: [
        { fact: 'spec', path: '$.workload', operator: 'equal', value: 'api' },
        { fact: 'spec', path: '$.provider', operator: 'notEqual', value: 'azure' },
      ],
    },
    ...overrides,
  };
}

/** Writes `<dir>/<id>.json` for each rule (pretty-printed, so positions are on distinct lines) and returns the folder. */
export async function writeRules(tmp: TempDir, dir: string, rules: Record<string, unknown>[]): Promise<string> {
  for (const rule of rules) await tmp.write(`${dir}/${String(rule.id)}.json`, `${JSON.stringify(rule, null, 2)}\n`);
  return tmp.path(dir);
}
