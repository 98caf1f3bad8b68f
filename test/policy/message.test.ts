import { describe, expect, it } from 'vitest';
import { compileMessage } from '../../src/policy/message.js';

describe('rule messages', () => {
  const render = (value: unknown) => compileMessage('n={{approval.cumulativeGpus}}')({ approval: { cumulativeGpus: value } });

  it('write numbers with thousands separators, for people to read', () => {
    expect([0, 999, 1000, 420000, 1234567.25, -12000, 0.5].map(render)).toEqual(['n=0', 'n=999', 'n=1,000', 'n=420,000', 'n=1,234,567.25', 'n=-12,000', 'n=0.5']);
  });

  it('leave exponent forms, strings, absent values and objects as they were', () => {
    expect([1e21, 1.5e-7, '420000', undefined, '', [1000], true].map(render)).toEqual(['n=1e+21', 'n=1.5e-7', 'n=420000', 'n=(none)', 'n=(none)', 'n=[1000]', 'n=true']);
  });
});
