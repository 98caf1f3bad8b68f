import { describe, expect, it } from 'vitest';
import type { LoadEvent, SourceDocument } from '../../src/input/document.js';
import { defaultLimits } from '../../src/input/limits.js';
import { parseYaml } from '../../src/input/parse-yaml.js';
import { positionOf } from '../support/tmp-dir.js';

const limits = { ...defaultLimits };
const documents = (events: LoadEvent[]): SourceDocument[] => events.flatMap((e) => ('document' in e ? [e.document] : []));
const problems = (events: LoadEvent[]) => events.flatMap((e) => ('problem' in e ? [e.problem] : []));

const twoDocs = `# first
apiVersion: accord/v1
kind: Deployment
metadata:
  name: first
---
apiVersion: accord/v1
kind: Deployment
metadata:
  name: second
spec:
  endpoints:
    - url: https://a.example
      hostedOn: azure
    - url: https://b.example
      hostedOn: oracle
`;

describe('parseYaml multi-document positions', () => {
  it('yields one document per `---` with its start line', () => {
    const events = parseYaml(twoDocs, 'f.yaml', limits);
    expect(problems(events)).toEqual([]);
    const docs = documents(events);
    expect(docs.map((d) => (d.value as { metadata: { name: string } }).metadata.name)).toEqual(['first', 'second']);
    expect(docs[0]?.start).toEqual({ line: 2, column: 1 });
    expect(docs[1]?.start).toEqual({ line: 7, column: 1 });
  });

  it('locates keys written as numbers or booleans, as the names they become', () => {
    const text = 'spec:\n  workload: api\n  1: one\n  true: yes\n';
    const doc = documents(parseYaml(text, 'f.yaml', limits))[0] as SourceDocument;
    expect(doc.locate(['spec', '1'])).toEqual(positionOf(text, '1: one'));
    expect(doc.locate(['spec', 'true'])).toEqual(positionOf(text, 'true: yes'));
  });

  it('resolves spec.endpoints[1].hostedOn in the second document to its key', () => {
    const second = documents(parseYaml(twoDocs, 'f.yaml', limits))[1] as SourceDocument;
    expect(second.locate(['spec', 'endpoints', 1, 'hostedOn'])).toEqual({ line: 16, column: 7 });
    expect(second.locate(['spec', 'endpoints', 1, 'hostedOn'])).toEqual(positionOf(twoDocs, 'hostedOn', 1));
    expect(second.locate(['spec', 'endpoints', 1])).toEqual({ line: 15, column: 7 });
    expect(second.locate(['metadata', 'name'])).toEqual({ line: 10, column: 3 });
  });

  it('resolves an absent field to its nearest existing ancestor', () => {
    const second = documents(parseYaml(twoDocs, 'f.yaml', limits))[1] as SourceDocument;
    expect(second.locate(['spec', 'endpoints', 1, 'public'])).toEqual({ line: 15, column: 7 });
    expect(second.locate(['spec', 'endpoints', 5, 'url'])).toEqual({ line: 12, column: 3 });
    expect(second.locate(['spec', 'rofr', 'decision'])).toEqual({ line: 11, column: 1 });
    expect(second.locate(['nothing'])).toEqual({ line: 7, column: 1 });
  });

  it('keeps dates as strings (YAML 1.2 core schema)', () => {
    const doc = documents(parseYaml('metadata:\n  date: 2027-03-01\n', 'f.yaml', limits))[0] as SourceDocument;
    expect((doc.value as { metadata: { date: unknown } }).metadata.date).toBe('2027-03-01');
  });

  it('yields nothing for a comment-only file or empty documents', () => {
    expect(parseYaml('# only a comment\n# and another\n', 'f.yaml', limits)).toEqual([]);
    expect(parseYaml('---\n---\n', 'f.yaml', limits)).toEqual([]);
    expect(parseYaml('---\n# only a comment\n---\n', 'f.yaml', limits)).toEqual([]);
  });

  it('skips the empty document after a trailing `---` but keeps an explicit null document', () => {
    const events = parseYaml('a: 1\n---\n', 'f.yaml', limits);
    expect(events).toEqual([{ document: expect.objectContaining({ value: { a: 1 } }) }]);
    expect(documents(parseYaml('---\n~\n', 'f.yaml', limits)).map((d) => d.value)).toEqual([null]);
  });
});

describe('parseYaml rejections', () => {
  it('reports a duplicate key at its second occurrence', () => {
    const text = 'metadata:\n  name: a\n  date: 2027-01-01\n  name: b\n';
    const events = parseYaml(text, 'f.yaml', limits);
    expect(documents(events)).toEqual([]);
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'DUPLICATE_KEY', file: 'f.yaml', line: 4, column: 3 })]);
  });

  it('a bad document does not hide the good ones in the same file', () => {
    const text = 'a: 1\na: 2\n---\nb: 1\n';
    const events = parseYaml(text, 'f.yaml', limits);
    expect(problems(events).map((p) => p.code)).toEqual(['DUPLICATE_KEY']);
    expect(documents(events).map((d) => d.value)).toEqual([{ b: 1 }]);
  });

  it('reports a syntax error with its position', () => {
    const events = parseYaml('spec:\n  provider: [azure\n', 'f.yaml', limits);
    expect(documents(events)).toEqual([]);
    const [first] = problems(events);
    expect(first).toMatchObject({ code: 'PARSE_ERROR', line: expect.any(Number), column: expect.any(Number) });
    expect(first?.message).toMatch(/^invalid YAML: /);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key with its position, leaving Object.prototype untouched', (key) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = `spec:\n  provider: azure\n  ${key}:\n    polluted: true\n`;
    const events = parseYaml(text, 'f.yaml', limits);
    expect(documents(events)).toEqual([]);
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'FORBIDDEN_KEY', line: 3, column: 3, path: `spec.${key}` })]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses deep flow nesting `[[[…` before parsing', () => {
    const text = `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const events = parseYaml(text, 'f.yaml', { ...limits, maxDepth: 64 });
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'TOO_DEEP', line: 1 })]);
  });

  it('refuses deep compact block nesting `- - - …` before parsing', () => {
    const text = `${'- '.repeat(10_000)}x\n`;
    const events = parseYaml(text, 'f.yaml', { ...limits, maxDepth: 64 });
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'TOO_DEEP', line: 1 })]);
  });

  it('refuses deep indented block nesting', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`);
    const events = parseYaml(`${lines.join('\n')} end\n`, 'f.yaml', { ...limits, maxDepth: 64 });
    expect(problems(events).map((p) => p.code)).toEqual(['TOO_DEEP']);
  });

  it('is not blinded by a quote inside a plain scalar before deep nesting', () => {
    for (const quote of ['"', "'"]) {
      const text = `owner: a 5${quote} screen\nspec:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
      expect(problems(parseYaml(text, 'f.yaml', { ...limits, maxDepth: 64 }))).toEqual([expect.objectContaining({ code: 'TOO_DEEP', line: 3 })]);
    }
  });

  it('still skips brackets inside real quoted scalars', () => {
    const text = `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\nc: ["x[", 'y{']\n`;
    expect(problems(parseYaml(text, 'f.yaml', { ...limits, maxDepth: 5 }))).toEqual([]);
  });

  it('accepts ordinary nesting well under the limit', () => {
    const events = parseYaml('- - - x\n', 'f.yaml', { ...limits, maxDepth: 64 });
    expect(problems(events)).toEqual([]);
    expect(documents(events)[0]?.value).toEqual([[['x']]]);
  });

  it('refuses alias expansion beyond maxAliases (billion laughs)', () => {
    const text = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    const events = parseYaml(text, 'f.yaml', { ...limits, maxAliases: 50 });
    expect(documents(events)).toEqual([]);
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'TOO_MANY_ALIASES', line: 1, column: 1 })]);
  });

  it('allows a few aliases under the limit', () => {
    const events = parseYaml('a: &a {k: v}\nb: *a\nc: *a\n', 'f.yaml', { ...limits, maxAliases: 50 });
    expect(problems(events)).toEqual([]);
    expect(documents(events)[0]?.value).toEqual({ a: { k: 'v' }, b: { k: 'v' }, c: { k: 'v' } });
  });
});
