import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/input/limits.js';
import { parseJson } from '../../src/input/parse-json.js';
import { positionOf } from '../support/tmp-dir.js';

const limits = { ...defaultLimits };

describe('parseJson positions', () => {
  const text = ['{', '  "spec": {', '    "endpoints": [', '      { "url": "https://a.example", "hostedOn": "azure" },', '      { "url": "https://b.example", "hostedOn": "oracle" }', '    ]', '  }', '}'].join('\n');

  it('resolves a field inside an array element to the key of that field', () => {
    const parsed = parseJson(text, 'f.json', limits);
    expect(parsed.problems).toEqual([]);
    expect(parsed.locate(['spec', 'endpoints', 1, 'hostedOn'])).toEqual({ line: 5, column: 37 });
    expect(parsed.locate(['spec', 'endpoints', 1, 'hostedOn'])).toEqual(positionOf(text, '"hostedOn"', 1));
    expect(parsed.locate(['spec', 'endpoints', 0, 'url'])).toEqual({ line: 4, column: 9 });
  });

  it('resolves an absent field to its nearest existing ancestor', () => {
    const parsed = parseJson(text, 'f.json', limits);
    expect(parsed.locate(['spec', 'endpoints', 1, 'public'])).toEqual({ line: 5, column: 7 });
    expect(parsed.locate(['spec', 'endpoints', 7, 'url'])).toEqual({ line: 3, column: 5 });
    expect(parsed.locate(['spec', 'rofr', 'decision'])).toEqual({ line: 2, column: 3 });
    expect(parsed.locate([])).toEqual({ line: 1, column: 1 });
  });

  it('numbers lines from firstLine (a JSONL record keeps its file line)', () => {
    const parsed = parseJson('{"a": {"b": 1}}', 'f.jsonl', limits, 42);
    expect(parsed.locate(['a', 'b'])).toEqual({ line: 42, column: 8 });
  });
});

describe('parseJson rejections', () => {
  it('reports a syntax error with its position', () => {
    const parsed = parseJson('{\n  "a": 1,\n  "b": }\n', 'f.json', limits);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'f.json', code: 'PARSE_ERROR', line: 3, column: 8 });
    expect(parsed.problems[0]?.message).toMatch(/^invalid JSON: /);
  });

  it('reports a duplicate key at its second occurrence, naming the first', () => {
    const parsed = parseJson('{\n  "metadata": {\n    "name": "a",\n    "name": "b"\n  }\n}', 'f.json', limits);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_KEY', line: 4, column: 5, message: expect.stringContaining('"name" (first at line 3)') }),
    ]);
  });

  it('catches a duplicate key in a process whose Object.prototype carries an enumerable property', () => {
    // A library call may run beside a dependency that polluted Object.prototype: the guard must
    // count the parsed value's own keys only, or the extra key balances the duplicate.
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'by a dependency';
    try {
      const parsed = parseJson('{"a": 1, "a": 2}', 'dup.json', defaultLimits);
      expect(parsed.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_KEY', file: 'dup.json' })]);
    } finally {
      delete proto.polluted;
    }
  });

  it('catches a duplicate key even when a colon inside a string value balances the key count', () => {
    const parsed = parseJson('{"a": "x:y", "a": 1}', 'f.json', limits);
    expect(parsed.problems[0]).toMatchObject({ code: 'DUPLICATE_KEY', line: 1, column: 14 });
    for (const text of ['{"u": "https://a", "u": "x:y"}', '{"u": "a:://b", "u": 1}', '{"u": ":://", "v": {"w": "x://y", "w": 2}}']) {
      expect(parseJson(text, 'f.json', limits).problems.map((p) => p.code), text).toEqual(['DUPLICATE_KEY']);
    }
  });

  it('tells a repeated key from colons in strings (URLs, times, "://" runs) on 5,000 random objects', () => {
    const colonful = fc.oneof(fc.constantFrom('https://a.b/c', 'x://y:z', ':://', '12:30', 'a:b://c', '://://'), fc.string({ unit: fc.constantFrom(':', '/', 'a', '"', '\\'), maxLength: 8 }));
    // fast-check likes to try "__proto__" as a key: a forbidden key is another problem than this one.
    const json = fc.jsonValue({ maxDepth: 2 }).filter((v) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(v)));
    const value = fc.oneof(colonful, json, colonful.map((s) => ({ [s]: s })));
    const entries = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', ':', '://'), value), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(entries, fc.boolean(), (list, pretty) => {
        const text = `{${list.map(([k, v]) => `${JSON.stringify(k)}:${pretty ? ' ' : ''}${JSON.stringify(v)}`).join(pretty ? ',\n' : ',')}}`;
        const repeated = new Set(list.map(([k]) => k)).size !== list.length;
        const codes = parseJson(text, 'f.json', limits).problems.map((p) => p.code);
        expect(codes, text).toEqual(repeated ? ['DUPLICATE_KEY'] : []);
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key with its position and path', (key) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const parsed = parseJson(`{\n  "spec": {\n    "${key}": { "polluted": true }\n  }\n}`, 'f.json', limits);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'FORBIDDEN_KEY', line: 3, column: 5, path: `spec.${key}` })]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting beyond maxDepth before parsing (no stack overflow)', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const parsed = parseJson(deep, 'f.json', { ...limits, maxDepth: 64 });
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'TOO_DEEP', line: 1, column: 65 })]);
  });

  it('accepts nesting exactly at maxDepth', () => {
    const parsed = parseJson(`${'['.repeat(5)}${']'.repeat(5)}`, 'f.json', { ...limits, maxDepth: 5 });
    expect(parsed.problems).toEqual([]);
    const over = parseJson(`${'['.repeat(6)}${']'.repeat(6)}`, 'f.json', { ...limits, maxDepth: 5 });
    expect(over.problems[0]?.code).toBe('TOO_DEEP');
  });

  it('does not count brackets inside strings as nesting', () => {
    const parsed = parseJson(`{"a": "${'['.repeat(200)}"}`, 'f.json', { ...limits, maxDepth: 3 });
    expect(parsed.problems).toEqual([]);
  });
});

