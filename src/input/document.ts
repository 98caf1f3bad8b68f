import type { PathSegment } from '../path.js';
import type { Position, Problem } from '../types.js';

/** One deployment as read from a file, with its source map. */
export interface SourceDocument {
  /** Display path: relative to the working directory when inside it, '/'-separated. */
  file: string;
  value: unknown;
  /** Where the deployment starts. */
  start: Position;
  /** Position of a field; a field that does not exist resolves to its nearest existing ancestor. */
  locate(segments: readonly PathSegment[]): Position;
}

export type LoadEvent = { document: SourceDocument } | { problem: Problem };
