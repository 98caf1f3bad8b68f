import * as generated from '../../schema/generated/terraform-validators.cjs';
import { validate } from '../../schema/validate.js';
import { toPointer } from './json-pointer.js';
import type { PlanProblem } from './types.js';

/** Checks a mapping value against schemas/terraform-mapping.schema.json; each issue is a MAPPING_ERROR pointing into the file. */
export function mappingProblems(value: unknown, file: string): PlanProblem[] {
  return validate(generated.terraformMapping, value).map((issue) => ({
    code: 'MAPPING_ERROR',
    message: `${issue.path || '(top level)'}: ${issue.message}`,
    pointer: toPointer(issue.segments),
    file,
  }));
}

