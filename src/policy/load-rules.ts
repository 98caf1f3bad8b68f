import { readdirSync } from 'node:fs';
import path from 'node:path';
import { displayPath, formatPath } from '../path.js';
import { loadDataFile } from '../input/load-data-file.js';
import { defaultLimits } from '../input/limits.js';
import { describeFsError } from '../input/read-errors.js';
import { validators } from '../schema/validators.js';
import type { Problem, RulePackInfo } from '../types.js';
import { compileRule, type LoadedRule } from './loaded-rule.js';
import { packDigest, type DigestInput } from './pack-digest.js';
import type { RuleFile } from './rule-types.js';
import { checkRule } from './static-check.js';

export interface LoadedRules {
  rules: LoadedRule[];
  pack: RulePackInfo;
  problems: Problem[];
}

interface PackFile {
  name: string;
  version: string;
}

const ruleLimits = { ...defaultLimits, maxFileBytes: 1024 * 1024, maxDepth: 32 };

/** Loads every `<id>.json` of the given folders (pack.json names the pack); every defect is a problem. */
export async function loadRules(dirs: readonly string[], cwd: string): Promise<LoadedRules> {
  const problems: Problem[] = [];
  const rules = new Map<string, LoadedRule>();
  const packs: PackFile[] = [];
  const digested: DigestInput[] = [];
  for (const dir of dirs) {
    const absoluteDir = path.resolve(cwd, dir);
    let names: string[];
    try {
      names = readdirSync(absoluteDir).filter((n) => n.endsWith('.json')).sort();
    } catch (error) {
      problems.push({ file: displayPath(cwd, absoluteDir), code: 'RULE_ERROR', message: `cannot read the rules folder: ${describeFsError(error)}` });
      continue;
    }
    for (const name of names) {
      const absolutePath = path.join(absoluteDir, name);
      const file = displayPath(cwd, absolutePath);
      if (name === 'pack.json') {
        const pack = await loadDataFile<PackFile>(absolutePath, file, { code: 'RULE_ERROR', validator: validators.pack, limits: ruleLimits, yaml: false, listed: true });
        problems.push(...pack.problems);
        if (pack.value && pack.bytes) {
          packs.push(pack.value);
          digested.push(['pack.json', pack.bytes]);
        }
        continue;
      }
      const loaded = await loadDataFile<RuleFile>(absolutePath, file, { code: 'RULE_ERROR', validator: validators.rule, limits: ruleLimits, yaml: false, listed: true });
      problems.push(...loaded.problems);
      const rule = loaded.value;
      if (!rule || !loaded.bytes) continue;
      const at = (segments: Parameters<typeof loaded.locate>[0]) => loaded.locate(segments);
      const expectedId = name.slice(0, -'.json'.length);
      if (rule.id !== expectedId) {
        problems.push({ file, ...at(['id']), code: 'RULE_ERROR', path: 'id', message: `id "${rule.id}" differs from the file name (expected "${expectedId}")` });
        continue;
      }
      const duplicate = rules.get(rule.id);
      if (duplicate) {
        problems.push({ file, ...at(['id']), code: 'RULE_ERROR', path: 'id', message: `duplicate rule id "${rule.id}" (also defined in ${duplicate.file})` });
        continue;
      }
      const issues = checkRule(rule);
      if (issues.length > 0) {
        for (const issue of issues) {
          problems.push({ file, ...at(issue.segments), code: 'RULE_ERROR', path: formatPath(issue.segments), message: issue.message });
        }
        continue;
      }
      digested.push([name, loaded.bytes]);
      rules.set(rule.id, compileRule({ ...rule, file, absolutePath }));
    }
  }
  if (rules.size === 0 && problems.length === 0) {
    problems.push({ file: dirs.join(', '), code: 'NO_RULES', message: 'no rules found: zero rules would pass everything, so this is an error' });
  } else if (rules.size === 0) {
    problems.push({ file: dirs.join(', '), code: 'NO_RULES', message: 'no rule loaded' });
  }
  const sorted = [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const pack: RulePackInfo = {
    name: packs.length > 0 ? packs.map((p) => p.name).join('+') : 'custom',
    version: packs.length > 0 ? packs.map((p) => p.version).join('+') : '0.0.0',
    sha256: packDigest(digested),
    rules: sorted.length,
  };
  return { rules: sorted, pack, problems };
}
