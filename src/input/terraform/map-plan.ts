import path from 'node:path';
import { displayPath } from '../../path.js';
import type { Limits, Notice, Problem } from '../../types.js';
import { readTextFile } from '../load-text-file.js';
import { parseJson } from '../parse-json.js';
import { terraformKind } from './detect.js';
import { loadMapping } from './load-mapping.js';
import { planEvents } from './plan-events.js';

export interface MappedPlan {
  /** The derived accord/v1 manifests, as derived (before schema validation). */
  manifests: Record<string, unknown>[];
  problems: Problem[];
  notices: Notice[];
}

/**
 * The deployments a plan file derives to (what `accord map` prints), with the problems and notices
 * of the plan and of the mapping file, positioned like a check's. Never throws for bad input.
 */
export async function mapPlanFile(file: string, options: { cwd: string; limits: Limits; terraformMapping?: string }): Promise<MappedPlan> {
  const absolute = path.resolve(options.cwd, file);
  const shown = displayPath(options.cwd, absolute);
  const out: MappedPlan = { manifests: [], problems: [], notices: [] };
  const mapping = options.terraformMapping === undefined ? undefined : await loadMapping(options.terraformMapping, options.cwd, options.limits);
  if (mapping) out.problems.push(...mapping.problems);
  const read = readTextFile(absolute, shown, options.limits, true);
  if ('events' in read) {
    for (const event of read.events) if ('problem' in event) out.problems.push(event.problem);
    return out;
  }
  const parsed = parseJson(read.text, shown, options.limits);
  if (parsed.problems.length > 0) {
    out.problems.push(...parsed.problems);
    return out;
  }
  if (terraformKind(parsed.value) === undefined) {
    out.problems.push({ file: shown, line: 1, column: 1, code: 'TF_NOT_A_PLAN', message: 'this is not a Terraform plan: expected the JSON of `terraform show -json plan.out`' });
    return out;
  }
  for (const event of planEvents(parsed.value, shown, parsed.locate, mapping?.mapping)) {
    if ('document' in event) out.manifests.push(event.document.value as Record<string, unknown>);
    else if ('problem' in event) out.problems.push(event.problem);
    else out.notices.push(event.notice);
  }
  return out;
}
