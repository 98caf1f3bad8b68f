import fc from 'fast-check';
import * as jsonc from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { createJsonLocator } from '../../src/input/json-locate.js';
import type { PathSegment } from '../../src/path.js';

/** Every path in a JSON value, with jsonc-parser's offset for it: the key's for properties, the value's for elements. */
function expectedOffsets(text: string): { path: PathSegment[]; offset: number }[] {
  const out: { path: PathSegment[]; offset: number }[] = [];
  const walk = (node: jsonc.Node, path: PathSegment[]): void => {
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value as string;
        out.push({ path: [...path, key], offset: property.offset });
        const value = property.children?.[1];
        if (value) walk(value, [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => {
        out.push({ path: [...path, i], offset: child.offset });
        walk(child, [...path, i]);
      });
    }
  };
  const root = jsonc.parseTree(text);
  if (root) walk(root, []);
  return out;
}

describe('createJsonLocator', () => {
  it('agrees with jsonc-parser on every path of random JSON, compact and pretty-printed', () => {
    const uniqueKeys = fc.jsonValue().filter((v) => JSON.stringify(v) === JSON.stringify(JSON.parse(JSON.stringify(v))));
    fc.assert(
      fc.property(uniqueKeys, fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const locate = createJsonLocator(text);
        for (const { path, offset } of expectedOffsets(text)) expect(locate(path), JSON.stringify(path)).toBe(offset);
      }),
      { numRuns: 500 },
    );
  });

  it('falls back to the nearest existing ancestor for an absent field', () => {
    const text = '{\n  "spec": {\n    "provider": "oracle"\n  }\n}';
    const locate = createJsonLocator(text);
    expect(locate(['spec', 'revenueShare', 'metered'])).toBe(text.indexOf('"spec"'));
    expect(locate(['nothing'])).toBe(0);
  });

  it('matches a key by what it decodes to, never by its escaped spelling', () => {
    // The first key is written \u0041 and is "A"; the second is the six characters \u0041.
    const text = String.raw`{"\u0041": 1, "\\u0041": 2, "A\"": 3}`;
    const locate = createJsonLocator(text);
    expect(locate(['\\u0041'])).toBe(text.indexOf('"\\\\u0041"'));
    expect(locate(['A'])).toBe(1);
    expect(locate(['A"'])).toBe(text.indexOf('"A\\""'));
  });

  it('decodes escaped keys, skips braces inside strings, and points at a value when asked', () => {
    const text = '{"a": "}{][\\"", "pro\\u0076ider": {"x": [1, {"y": 2}]}}';
    const locate = createJsonLocator(text);
    expect(locate(['provider'])).toBe(text.indexOf('"pro'));
    expect(locate(['provider', 'x', 1, 'y'])).toBe(text.indexOf('"y"'));
    expect(locate(['provider'], true)).toBe(text.indexOf('{"x"'));
  });

  it('locates inside a root array of deployments by element', () => {
    const text = `[${Array.from({ length: 50 }, (_, i) => JSON.stringify({ metadata: { name: `d-${i}` } })).join(',\n')}]`;
    const locate = createJsonLocator(text);
    expect(locate([37, 'metadata', 'name'])).toBe(text.indexOf('"name":"d-37"'));
    expect(locate([99, 'metadata'])).toBe(0);
  });
});
