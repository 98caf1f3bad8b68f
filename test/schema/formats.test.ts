// The two string formats of accord's schemas (src/schema/formats.cjs), each with a fast path, held
// to the plain definitions they stand for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as formats from '../../src/schema/formats.cjs';
import { replay, runs } from '../properties/seed.js';

/** A real calendar day written YYYY-MM-DD, by way of Date. */
function referenceDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

describe('format "date"', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2027-04-31', false],
    ['2027-12-31', true],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-01-00', false],
    ['2027-1-01', false],
    ['2027-01-01\n', false],
    ['２０２７-01-01', false],
    ['2027/01/01', false],
    ['0000-01-01', true],
  ])('%j is %s', (value, expected) => {
    expect(formats.date(value)).toBe(expected);
    expect(referenceDate(value)).toBe(expected);
  });

  it('agrees with Date on 20,000 strings shaped like dates and not', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const dateLike = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const nearDate = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
      ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    );
    let real = 0;
    fc.assert(
      fc.property(fc.oneof(dateLike, nearDate, fc.string({ maxLength: 12 })), (value) => {
        const expected = referenceDate(value);
        expect(formats.date(value), `${JSON.stringify(value)} (${replay})`).toBe(expected);
        if (expected) real++;
      }),
      runs(20_000),
    );
    expect(real).toBeGreaterThan(1000);
  });
});

describe('format "uri"', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions', true],
    ['https://eastus.api.openai.azure.com/v1', true],
    ['https://999.1.1.1/', false],
    ['https://xn--zz.example/', false],
    ['https://exa mple.com/', false],
    ['https://', false],
    ['https://[::1]/x', true],
    ['urn:isbn:0451450523', true],
    ['mailto:someone@example.com', false],
    ['not a url', false],
  ])('%j is %s', (value, expected) => {
    expect(formats.uri(value)).toBe(expected);
    expect(formats.parsedUri(value)).toBe(expected);
  });

  it('takes the fast path only for URLs the parser accepts, on 20,000 plain-looking URLs', () => {
    // Built from PLAIN_URL's grammar (fast-check cannot generate from its lookaheads), with the
    // labels it must turn away (punycode, numbers) mixed in.
    const label = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.constantFrom('xn--zz', 'xn--bcher-kva', 'xn--', '0x1f', '255', '1e3', 'localhost'));
    const segment = fc.oneof(fc.stringMatching(/^[\w.~-]{0,6}$/), fc.constantFrom('.', '..', '%41', '?q', '#f'));
    const plainish = fc
      .tuple(fc.constantFrom('http', 'https'), fc.array(label, { minLength: 1, maxLength: 4 }), fc.array(segment, { maxLength: 4 }))
      .map(([scheme, labels, path]) => `${scheme}://${labels.join('.')}${path.map((p) => `/${p}`).join('')}`);
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(plainish, fc.webUrl(), fc.string({ maxLength: 30 }).map((s) => `https://${s}`)), (value) => {
        expect(formats.uri(value), `${JSON.stringify(value)} (${replay})`).toBe(formats.parsedUri(value));
        if (formats.PLAIN_URL.test(value)) fast++;
      }),
      runs(20_000),
    );
    expect(fast).toBeGreaterThan(2000);
  });
});
