import path from 'node:path';
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

/**
 * How displayPath shows the files of folder `dir`, worked out once per folder rather than per file:
 * the number of leading characters to drop from their absolute path (0: shown whole), or undefined
 * where displayPath must be asked per file.
 */
export function displayCut(cwd: string, dir: string): number | undefined {
  if (path.sep !== '/' || !isNormalAbsolute(dir) || !isNormalAbsolute(cwd)) return undefined;
  const prefix = cwd === '/' ? cwd : `${cwd}/`;
  return dir === cwd || dir.startsWith(prefix) ? prefix.length : 0;
}

/** How a file is shown in reports: relative to cwd when inside it, else absolute; '/'-separated. */
export function displayPath(cwd: string, absolute: string): string {
  // Normalized paths need no path.relative (a tenth of listing 10,000 files): one below cwd is
  // shown from there, any other as it is (path.relative would start with ..).
  if (path.sep === '/' && isNormalAbsolute(absolute) && isNormalAbsolute(cwd)) {
    const prefix = cwd === '/' ? cwd : `${cwd}/`;
    if (!absolute.startsWith(prefix) || absolute.length === prefix.length) return absolute;
    return absolute.slice(prefix.length);
  }
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** No `//`, `/./` or `/../` in it, nor a trailing `/`, `/.` or `/..`: what path.resolve gives. */
function isNormalAbsolute(p: string): boolean {
  return p.startsWith('/') && !p.includes('//') && !p.includes('/./') && !p.includes('/..') && !p.endsWith('/.') && (p.length === 1 || !p.endsWith('/'));
}
