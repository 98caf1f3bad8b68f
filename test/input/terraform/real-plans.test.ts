import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/input/decode.js';
import { deploymentsFromPlan } from '../../../src/input/terraform/deployments-from-plan.js';
import { isPlan } from '../../../src/input/terraform/detect.js';

const folder = fileURLToPath(new URL('../../../fixtures/terraform/real/', import.meta.url));
const plans = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();

function read(name: string): unknown {
  const decoded = decode(readFileSync(folder + name));
  if (!decoded.ok) throw new Error(decoded.message);
  return JSON.parse(decoded.text);
}

describe('the real plans (fixtures/terraform/real)', () => {
  it('are all there', () => expect(plans).toHaveLength(22));

  it.each(plans)('%s is a plan that gives no deployment and no problem', (name) => {
    const plan = read(name);
    expect(isPlan(plan)).toBe(true);
    const result = deploymentsFromPlan(plan, { file: name });
    expect(result.problems).toEqual([]);
    expect(result.deployments).toEqual([]);
    expect(result.notices.map((n) => n.code)).toEqual(['TF_NO_DEPLOYMENTS']);
  });

  it('reads the UTF-16LE plan with a byte-order mark and CRLF through the decoder', () => {
    const bytes = readFileSync(`${folder}checkov__aws_s3__UTF16LE_BOM.json`);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const decoded = decode(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-16le' });
    expect(decoded.ok && decoded.text.includes('\r\n')).toBe(true);
    expect((read('checkov__aws_s3__UTF16LE_BOM.json') as { format_version: string }).format_version).toBe('1.1');
  });
});
