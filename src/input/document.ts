import type { PathSegment } from '../path.js';
import type { Position, Problem } from '../types.js';

/**
 * Where a field of a document sits: a line and column in the document's file. A kind whose
 * documents are derived from a larger input (a Terraform plan's resources) may give locations more
 * to say (an instance address, an RFC 6901 pointer, another file the fact came from): they are
 * added here as optional fields, and turned into report fields by placeOf alone.
 */
export interface SourceLocation {
  line: number;
  column: number;
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

export type LoadEvent = { document: SourceDocument } | { problem: Problem };

/** The file, line and column a finding or problem about a field of `document` reports. */
export function placeOf(document: Pick<SourceDocument, 'file' | 'locate'>, segments: readonly PathSegment[]): { file: string; line: number; column: number } {
  const { line, column } = document.locate(segments);
  return { file: document.file, line, column };
}
