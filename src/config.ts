import { existsSync } from 'node:fs';
import path from 'node:path';
import { AccordError } from './errors.js';
import { loadDataFile } from './input/load-data-file.js';
import { defaultLimits } from './input/limits.js';
import { displayPath } from './path.js';
import type { FormatName } from './report/format-types.js';
import { dataValidators } from './schema/validators.js';
import type { FailOn, Limits } from './types.js';

export interface ConfigFile {
  include?: string[];
  exclude?: string[];
  rules?: string[];
  approvals?: string;
  waivers?: string;
  terraformMapping?: string;
  failOn?: FailOn;
  format?: FormatName;
  limits?: Partial<Limits>;
}

export const defaultConfigName = 'accord.config.json';

/**
 * Loads accord.config.json (or the file given); paths in it are relative to the file's folder.
 * A broken config is a usage problem: nothing is checked against a half-read configuration.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<{ config: ConfigFile; dir: string } | undefined> {
  const file = explicit ?? defaultConfigName;
  const absolute = path.resolve(cwd, file);
  if (explicit === undefined && !existsSync(absolute)) return undefined;
  const loaded = await loadDataFile<ConfigFile>(absolute, displayPath(cwd, absolute), {
    code: 'CONFIG_ERROR',
    validator: (await dataValidators()).config,
    limits: defaultLimits,
    yaml: false,
  });
  if (!loaded.value) {
    const first = loaded.problems[0];
    throw new AccordError('CONFIG_INVALID', first ? `${first.file}${first.line ? `:${first.line}:${first.column}` : ''}: ${first.message}` : `${file}: invalid`, { problems: loaded.problems });
  }
  return { config: loaded.value, dir: path.dirname(absolute) };
}
