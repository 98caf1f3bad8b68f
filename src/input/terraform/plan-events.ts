import { pointerToSegments, type PathSegment } from '../../path.js';
import type { Notice, Position, Problem } from '../../types.js';
import type { LoadEvent, SourceLocation } from '../document.js';
import { deploymentsFromPlan } from './deployments-from-plan.js';
import { binaryPlanProblem } from './detect.js';
import type { MappingValue, Origin, PlanNotice, PlanProblem } from './types.js';

/** A mapping file as read: its value (not yet validated), display path and source map. */
export interface LoadedMapping {
  value: unknown;
  file: string;
  locate(segments: readonly PathSegment[]): Position;
}

/**
 * The load events of a parsed Terraform plan (or other Terraform JSON): one document per derived
 * deployment, whose fields are located through their origins (a pointer into the plan text, or
 * into the mapping file), and the plan's problems and notices.
 */
export function planEvents(plan: unknown, file: string, locate: (segments: readonly PathSegment[]) => Position, mapping?: LoadedMapping): LoadEvent[] {
  const result = deploymentsFromPlan(plan, { file, ...(mapping ? { mapping: mapping.value as MappingValue, mappingFile: mapping.file } : {}) });
  const at = (origin: Partial<Origin>): SourceLocation => {
    const segments = pointerToSegments(origin.pointer ?? '');
    const inMapping = origin.file !== undefined && origin.file !== file;
    const position = inMapping ? (mapping && origin.file === mapping.file ? mapping.locate(segments) : { line: 1, column: 1 }) : locate(segments);
    const location: SourceLocation = { line: position.line, column: position.column };
    if (inMapping) location.file = origin.file as string;
    if (origin.resource !== undefined) location.resource = origin.resource;
    if (origin.pointer !== undefined) location.pointer = origin.pointer;
    return location;
  };
  const events: LoadEvent[] = [];
  for (const d of result.deployments) {
    const locateField = (segments: readonly PathSegment[]) => at(d.origin(segments));
    const start = locateField([]);
    events.push({ document: { file, value: d.manifest, start: { line: start.line, column: start.column }, locate: locateField } });
  }
  for (const p of result.problems) events.push({ problem: toProblem(p, at(p), file) });
  for (const n of result.notices) events.push({ notice: toNotice(n, n.pointer === undefined && n.file === undefined ? undefined : at(n), file) });
  return events;
}

function toProblem(p: PlanProblem, location: SourceLocation, file: string): Problem {
  const problem: Problem = { file: location.file ?? file, line: location.line, column: location.column, code: p.code, message: p.message };
  if (p.deployment !== undefined) problem.deployment = p.deployment;
  if (location.resource !== undefined) problem.resource = location.resource;
  if (location.pointer !== undefined) problem.pointer = location.pointer;
  return problem;
}

function toNotice(n: PlanNotice, location: SourceLocation | undefined, file: string): Notice {
  const notice: Notice = { code: n.code, message: n.message, file: location?.file ?? file };
  if (location) {
    notice.line = location.line;
    notice.column = location.column;
    if (location.resource !== undefined) notice.resource = location.resource;
    if (location.pointer !== undefined) notice.pointer = location.pointer;
  }
  if (n.deployment !== undefined) notice.deployment = n.deployment;
  return notice;
}

/** A binary plan (the zip of `terraform plan -out`) given where its JSON was expected. */
export function binaryPlanEvent(file: string): { problem: Problem } {
  const { code, message } = binaryPlanProblem();
  return { problem: { file, code, message } };
}
