import { formatPath, parsePath, type PathSegment } from '../path.js';
import { jsonPathSegments } from './facts.js';

/** The deployment path a fact and JSON path point at; `item` expands to the element of `each`. */
export function factFieldSegments(fact: string, path: string | undefined, each: string | undefined, index: number | undefined): PathSegment[] {
  const tail = jsonPathSegments(path);
  if (fact === 'item' && each !== undefined && index !== undefined) return [...parsePath(each), index, ...tail];
  return [fact, ...tail];
}

export function factFieldPath(fact: string, path: string | undefined, each: string | undefined, index: number | undefined): string {
  return formatPath(factFieldSegments(fact, path, each, index));
}
