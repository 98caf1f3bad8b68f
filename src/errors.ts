import type { Problem } from './types.js';

export type AccordErrorCode =
  | 'INVALID_DEPLOYMENT'
  | 'RULES_INVALID'
  | 'APPROVALS_INVALID'
  | 'WAIVERS_INVALID'
  | 'MAPPING_INVALID'
  | 'CONFIG_INVALID'
  | 'INVALID_OPTION';

export interface SchemaIssue {
  /** Dotted field path, e.g. `spec.endpoints[1].hostedOn` ('' for the document itself). */
  path: string;
  message: string;
}

/** The only error the library throws on purpose; `code` is stable and part of the API. */
export class AccordError extends Error {
  override readonly name = 'AccordError';
  readonly code: AccordErrorCode;
  /** Schema issues, for INVALID_DEPLOYMENT. */
  readonly issues: readonly SchemaIssue[];
  /** Input problems (file, line, column), for RULES_INVALID, APPROVALS_INVALID, WAIVERS_INVALID, CONFIG_INVALID. */
  readonly problems: readonly Problem[];

  constructor(
    code: AccordErrorCode,
    message: string,
    details: { issues?: readonly SchemaIssue[]; problems?: readonly Problem[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.issues = details.issues ?? [];
    this.problems = details.problems ?? [];
  }
}

export function isAccordError(value: unknown): value is AccordError {
  return value instanceof AccordError;
}
