import { showUntrusted } from './untrusted-text.js';

export type PathSegment = string | number;

/** `['spec', 'endpoints', 1, 'hostedOn']` → `spec.endpoints[1].hostedOn`; keys from a manifest are shown as untrusted text. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? showUntrusted(segment) : `.${showUntrusted(segment)}`;
  }
  return out;
}

/** The inverse of formatPath, for paths accord itself produced or validated. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : (match[1] as string));
  }
  return segments;
}

/** JSON pointer (`/spec/endpoints/1`) → segments; numeric tokens become indexes. */
export function pointerToSegments(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));
}
