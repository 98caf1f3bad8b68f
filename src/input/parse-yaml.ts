import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { formatPath, type PathSegment } from '../path.js';
import type { Position, Problem } from '../types.js';
import { findExcessiveDepth, findExcessiveNodes } from './depth-scan.js';
import type { LoadEvent } from './document.js';
import { guardValue } from './guard.js';
import type { Limits } from './limits.js';
import { LineIndex } from './text-position.js';
import { showUntrusted } from '../untrusted-text.js';

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

  const deep = findExcessiveDepth(text, limits.maxDepth);
  if (deep !== undefined) {
    return [problem('TOO_DEEP', `nesting deeper than ${limits.maxDepth} levels (limit maxDepth)`, new LineIndex(text).position(deep))];
  }
  const crowded = findExcessiveNodes(text, limits.maxYamlNodes);
  if (crowded !== undefined) {
    const message = `more than ${limits.maxYamlNodes} YAML lines and flow items (limit maxYamlNodes): split the file, or use JSON or JSONL, which are parsed natively`;
    return [problem('TOO_MANY_NODES', message, new LineIndex(text).position(crowded))];
  }

  const docs = parseAllDocuments(text, { lineCounter, schema: 'core', merge: false, uniqueKeys: false, strict: true, prettyErrors: false, logLevel: 'silent' });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const events: LoadEvent[] = [];
  for (const doc of list) {
    const issues = [...doc.errors, ...doc.warnings];
    if (issues.length > 0) {
      // uniqueKeys is off (duplicates are found by findKeyIssue, with both positions): every issue here is a parse error.
      for (const issue of issues) events.push(problem('PARSE_ERROR', `invalid YAML: ${firstLine(issue.message)}`, position(issue.pos[0])));
      continue;
    }
    if (doc.contents === null || isEmptyScalar(doc.contents)) continue;
    const keyIssue = findKeyIssue(doc.contents);
    if (keyIssue?.first !== undefined) {
      events.push(problem('DUPLICATE_KEY', `duplicate key "${showUntrusted(keyIssue.key)}" (first at line ${position(keyIssue.first).line})`, position(keyIssue.at)));
      continue;
    }
    if (keyIssue) {
      events.push(problem('PARSE_ERROR', 'invalid YAML: a key must be a plain string, not a mapping, a sequence or an alias', position(keyIssue.at)));
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (error) {
      const { code, message } = describeToJsError(error, limits);
      events.push(problem(code, message, position(doc.contents.range[0])));
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
      const pair = node.items.find((p) => isScalar(p.key) && keyName(p.key) === String(segment));
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

/**
 * The first key repeated in one mapping (`first` set), or that is not a plain scalar. Keys are
 * compared as the property names they become (`1` and `"1"` collide), and checked here, once
 * each: yaml's own `uniqueKeys` compares every key with every earlier one, minutes for a 1 MB mapping.
 */
function findKeyIssue(root: Node): { key: string; at: number; first?: number } | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const at = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
        if (pair.key !== null && !isScalar(pair.key)) return { key: '', at };
        const key = keyName(pair.key);
        const first = seen.get(key);
        if (first !== undefined) return { key, at, first };
        seen.set(key, at);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

/** The property name a scalar key becomes in the parsed value: `1` and `"1"` both become "1", a null key "". */
function keyName(key: Node | null): string {
  return key === null || !isScalar(key) || key.value === null ? '' : String(key.value);
}

/** toJS throws for an alias bomb and for an alias whose anchor is missing: two different mistakes. */
function describeToJsError(error: unknown, limits: Limits): { code: Problem['code']; message: string } {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (/alias count/i.test(message)) return { code: 'TOO_MANY_ALIASES', message: `too many YAML alias expansions (limit maxAliases ${limits.maxAliases}): ${message}` };
  return { code: 'PARSE_ERROR', message: `invalid YAML: ${message}` };
}

/** Parser messages can quote the input (a tag, a directive, an alias): they are untrusted text too. */
function firstLine(message: string): string {
  return showUntrusted(message.split('\n')[0] ?? message, 200);
}
