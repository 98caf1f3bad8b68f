import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { formatPath, type PathSegment } from '../path.js';
import type { Position, Problem } from '../types.js';
import { findExcessiveDepth } from './depth-scan.js';
import type { LoadEvent } from './document.js';
import { guardValue } from './guard.js';
import type { Limits } from './limits.js';
import { LineIndex } from './text-position.js';

/** Parses every `---` document of a YAML file (YAML 1.2 core schema: dates stay strings). */
export function parseYaml(text: string, file: string, limits: Limits): LoadEvent[] {
  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = (code: Problem['code'], message: string, pos: Position, path?: string): LoadEvent => ({
    problem: { file, ...pos, code, message, ...(path ? { path } : {}) },
  });

  const deep = findExcessiveDepth(text, limits.maxDepth, true);
  if (deep !== undefined) {
    return [problem('TOO_DEEP', `nesting deeper than ${limits.maxDepth} levels (limit maxDepth)`, new LineIndex(text).position(deep))];
  }

  const docs = parseAllDocuments(text, { lineCounter, schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const events: LoadEvent[] = [];
  for (const doc of list) {
    const issues = [...doc.errors, ...doc.warnings];
    if (issues.length > 0) {
      for (const issue of issues) {
        const code = issue.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'PARSE_ERROR';
        events.push(problem(code, `invalid YAML: ${firstLine(issue.message)}`, position(issue.pos[0])));
      }
      continue;
    }
    if (doc.contents === null || isEmptyScalar(doc.contents)) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (error) {
      const start = position(doc.contents.range[0]);
      events.push(problem('TOO_MANY_ALIASES', `too many YAML alias expansions (limit maxAliases ${limits.maxAliases}): ${firstLine(String((error as Error).message))}`, start));
      continue;
    }
    const locate = (segments: readonly PathSegment[]): Position => position(offsetOf(doc.contents as Node, segments));
    const guard = guardValue(value, limits.maxDepth);
    if (guard.violation?.kind === 'FORBIDDEN_KEY') {
      const segments = guard.violation.segments;
      events.push(problem('FORBIDDEN_KEY', `forbidden key "${guard.violation.key}" (it could pollute object prototypes)`, locate(segments), formatPath(segments)));
      continue;
    }
    if (guard.violation) {
      events.push(problem('TOO_DEEP', `nesting deeper than ${limits.maxDepth} levels (limit maxDepth)`, locate(guard.violation.segments)));
      continue;
    }
    events.push({ document: { file, value, start: locate([]), locate } });
  }
  return events;
}

/** `a: 1\n---\n` ends with an empty document, which the parser gives as a zero-length null scalar. */
function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

function offsetOf(root: Node, segments: readonly PathSegment[]): number {
  let node: unknown = root;
  let best = root.range?.[0] ?? 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) best = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      if ((isScalar(item) || isMap(item) || isSeq(item)) && item.range) best = item.range[0];
      node = item;
    } else break;
  }
  return best;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
