import type { SchemaIssue } from '../errors.js';
import { formatPath, pointerToSegments, type PathSegment } from '../path.js';
import { didYouMean } from '../suggest.js';
import { showUntrusted } from '../untrusted-text.js';
import type { AjvError, CompiledValidator } from './validator-type.js';

export interface PositionedIssue extends SchemaIssue {
  segments: PathSegment[];
}

/** Runs a compiled validator and turns its errors into issues a person can act on. */
export function validate(validator: CompiledValidator, data: unknown): PositionedIssue[] {
  if (validator(data)) return [];
  const errors = validator.errors ?? [];
  const combinators = new Set(['oneOf', 'anyOf', 'if']);
  // A failed oneOf also reports every branch's own errors; keep the branch errors unless they are all there is.
  const specific = errors.filter((e) => !combinators.has(e.keyword));
  const chosen = specific.length > 0 ? specific : errors;
  const seen = new Set<string>();
  const issues: PositionedIssue[] = [];
  for (const error of chosen) {
    const issue = toIssue(error, validator, data);
    const key = `${issue.path}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toIssue(error: AjvError, validator: CompiledValidator, data: unknown): PositionedIssue {
  const segments = pointerToSegments(error.instancePath);
  const p = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      const at = [...segments, field];
      const known = validator.knownFields?.[error.schemaPath] ?? [];
      return { segments: at, path: formatPath(at), message: `unknown field "${showUntrusted(field)}"${didYouMean(field, known)}` };
    }
    case 'required':
      return issue(segments, `missing required field "${String(p.missingProperty)}"`);
    case 'enum': {
      const allowed = p.allowedValues as unknown[];
      const value = valueAt(data, segments);
      const hint = typeof value === 'string' ? didYouMean(value, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return issue(segments, `must be one of ${allowed.map(show).join(', ')}${hint}`);
    }
    case 'const':
      return issue(segments, `must be ${show(p.allowedValue)}`);
    case 'type':
      return issue(segments, `must be ${String(p.type).replace(/,/g, ' or ')}`);
    case 'format':
      return issue(segments, formatMessage(String(p.format)));
    case 'pattern':
      return issue(segments, `must match the pattern ${String(p.pattern)}`);
    default:
      return issue(segments, error.message ?? `fails the "${error.keyword}" check`);
  }
}

function formatMessage(format: string): string {
  if (format === 'date') return 'must be a real calendar date written YYYY-MM-DD';
  if (format === 'uri') return 'must be an absolute URL';
  return `must be a valid ${format}`;
}

function issue(segments: PathSegment[], message: string): PositionedIssue {
  return { segments, path: formatPath(segments), message };
}

/** The value an error is about, read with own properties only (the data is untrusted). */
function valueAt(data: unknown, segments: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}
