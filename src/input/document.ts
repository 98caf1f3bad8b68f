import type { PathSegment } from '../path.js';
import type { Notice, Position, Problem } from '../types.js';

/**
 * Where a field of a document sits: a line and column in the document's file. A kind whose
 * documents are derived from a larger input (a Terraform plan's resources) may give locations more
 * to say (an instance address, an RFC 6901 pointer, another file the fact came from): they are
 * added here as optional fields, and turned into report fields by placeOf alone.
 */
export interface SourceLocation {
  line: number;
  column: number;
  /** The file the field came from, when it is not the document's own (a Terraform mapping file). */
  file?: string;
  /** The address of the resource the field came from (a Terraform plan's resource instance). */
  resource?: string;
  /** RFC 6901 pointer to the field's source in the file (a plan's tag value, SKU attribute). */
  pointer?: string;
}

/** One deployment as read from a file, with its source map. */
export interface SourceDocument {
  /** Display path: relative to the working directory when inside it, '/'-separated. */
  file: string;
  value: unknown;
  /** Where the deployment starts. */
  start: Position;
  /** Where a field is; a field that does not exist resolves to its nearest existing ancestor. */
  locate(segments: readonly PathSegment[]): SourceLocation;
}

/** A document, a problem, or a notice (information that does not change the exit code, such as a plan with nothing to check). */
export type LoadEvent = { document: SourceDocument } | { problem: Problem } | { notice: Notice };

export interface Place {
  file: string;
  line: number;
  column: number;
  resource?: string;
  pointer?: string;
}

/** The file, line and column (and resource and pointer, when known) a finding or problem about a field of `document` reports. */
export function placeOf(document: Pick<SourceDocument, 'file' | 'locate'>, segments: readonly PathSegment[]): Place {
  const location = document.locate(segments);
  const place: Place = { file: location.file ?? document.file, line: location.line, column: location.column };
  if (location.resource !== undefined) place.resource = location.resource;
  if (location.pointer !== undefined) place.pointer = location.pointer;
  return place;
}
