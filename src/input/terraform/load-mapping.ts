import path from 'node:path';
import { displayPath } from '../../path.js';
import * as generated from '../../schema/generated/terraform-validators.cjs';
import type { Problem } from '../../types.js';
import type { Limits } from '../limits.js';
import { loadDataFile } from '../load-data-file.js';
import type { LoadedMapping } from './plan-events.js';

/** Reads and validates a Terraform mapping file (`kind: TerraformMapping`, JSON or YAML); its defects are MAPPING_ERROR problems at their line. */
export async function loadMapping(file: string, cwd: string, limits: Limits): Promise<{ mapping?: LoadedMapping; problems: Problem[] }> {
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(cwd, absolute);
  const loaded = await loadDataFile<unknown>(absolute, shown, { code: 'MAPPING_ERROR', validator: generated.terraformMapping, limits, yaml: !absolute.endsWith('.json') });
  if (loaded.value === undefined) return { problems: loaded.problems };
  return { mapping: { value: loaded.value, file: shown, locate: loaded.locate }, problems: [] };
}
