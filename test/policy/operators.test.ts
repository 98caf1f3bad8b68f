// The custom operators (exists, dateAfter, dateBefore) are accord's own, registered on
// json-rules-engine from the same table, so the differential tests cannot judge them: their truth
// tables are pinned here. The built-ins are held to json-rules-engine's own definitions by the
// random-rule property test (test/properties/random-rules.test.ts).
import { describe, expect, it } from 'vitest';
import { applyOperator, operators } from '../../src/policy/operators.js';

const holds = (name: string, fact: unknown, value: unknown): boolean => applyOperator(operators.get(name) as NonNullable<ReturnType<typeof operators.get>>, fact, value);

describe('custom operators', () => {
  it('exists: true when the field is present (whatever its value), false when absent', () => {
    for (const present of [null, 0, '', false, [], {}, 'x']) {
      expect(holds('exists', present, true), JSON.stringify(present)).toBe(true);
      expect(holds('exists', present, false), JSON.stringify(present)).toBe(false);
    }
    expect(holds('exists', undefined, true)).toBe(false);
    expect(holds('exists', undefined, false)).toBe(true);
  });

  it('dateAfter and dateBefore compare YYYY-MM-DD dates, strictly; anything else never holds', () => {
    expect(holds('dateAfter', '2027-03-02', '2027-03-01')).toBe(true);
    expect(holds('dateAfter', '2027-03-01', '2027-03-01')).toBe(false);
    expect(holds('dateAfter', '2027-02-28', '2027-03-01')).toBe(false);
    expect(holds('dateBefore', '2027-02-28', '2027-03-01')).toBe(true);
    expect(holds('dateBefore', '2027-03-01', '2027-03-01')).toBe(false);
    expect(holds('dateBefore', '2027-03-02', '2027-03-01')).toBe(false);
    for (const odd of [undefined, null, 20270301, '2027-3-1', '2027-03-01T00:00:00Z', '']) {
      expect(holds('dateAfter', odd, '2020-01-01'), String(odd)).toBe(false);
      expect(holds('dateBefore', odd, '2099-01-01'), String(odd)).toBe(false);
      expect(holds('dateAfter', '2027-03-01', odd), String(odd)).toBe(false);
      expect(holds('dateBefore', '2027-03-01', odd), String(odd)).toBe(false);
    }
  });

  it('are the only operators registered as custom on the engine', () => {
    expect([...operators.values()].filter((o) => o.custom).map((o) => o.name)).toEqual(['exists', 'dateAfter', 'dateBefore']);
  });
});
