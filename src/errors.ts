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

/**
 * Marks an AccordError whichever copy of the library made it: a process that loads the package
 * through both `import` and `require` has two AccordError classes, and `instanceof` sees only one.
 */
const brand = Symbol.for('accord-policy.AccordError');

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

  get [brand](): true {
    return true;
  }
}

/** Whether a value is an AccordError, from this copy of the library or another (ESM and CommonJS in one process). */
export function isAccordError(value: unknown): value is AccordError {
  return value instanceof AccordError || (value instanceof Error && (value as unknown as Record<symbol, unknown>)[brand] === true);
}
