// A plan as load events: documents located through their origins (into the plan text, or into the
// mapping file), and the plan's problems and notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOf, type LoadEvent, type SourceDocument } from '../../../src/input/document.js';
import { defaultLimits } from '../../../src/input/limits.js';
import { parseJson } from '../../../src/input/parse-json.js';
import { loadMapping } from '../../../src/input/terraform/load-mapping.js';
import { planEvents } from '../../../src/input/terraform/plan-events.js';
import { plan } from '../../support/terraform-plan.js';
import { makeTempDir, type TempDir } from '../../support/tmp-dir.js';

let tmp: TempDir;
beforeAll(async () => {
  tmp = await makeTempDir('accord-plan-events-');
  await tmp.write('m.yaml', 'apiVersion: accord/v1\nkind: TerraformMapping\nresources:\n  - match: aws_instance.front\n    workload: api\n    date: "2027-03-01"\n');
  await tmp.write('bad.yaml', 'apiVersion: accord/v1\nkind: TerraformMapping\nresources:\n  - match: aws_instance.front\n    colour: blue\n');
});
afterAll(() => tmp.cleanup());

const untagged = plan({ resources: [{ type: 'aws_instance', name: 'front', after: { ami: 'ami-0abc', instance_type: 'p5.48xlarge', tags: {}, tags_all: {} } }] });
const text = JSON.stringify(untagged, null, 2);
const eventsOf = (mapping?: Parameters<typeof planEvents>[3]): LoadEvent[] => {
  const parsed = parseJson(text, 'plan.json', defaultLimits);
  return planEvents(parsed.value, 'plan.json', parsed.locate, mapping);
};

describe('planEvents', () => {
  it('locates a fact from the mapping file in the mapping file, and the SKU in the plan', async () => {
    const { mapping, problems } = await loadMapping('m.yaml', tmp.dir, defaultLimits);
    expect(problems).toEqual([]);
    const [event] = eventsOf(mapping);
    const document = (event as { document: SourceDocument }).document;
    expect(placeOf(document, ['spec', 'workload'])).toEqual({ file: 'm.yaml', line: 5, column: 5, pointer: '/resources/0/workload' });
    const gpus = placeOf(document, ['spec', 'capacity', 'gpus']);
    expect(gpus).toMatchObject({ file: 'plan.json', resource: 'aws_instance.front' });
    expect(text.split('\n')[gpus.line - 1]?.slice(gpus.column - 1)).toMatch(/^"instance_type": "p5\.48xlarge"/);
  });

  it('without the mapping, the missing fact is a problem at the member, in the plan', () => {
    const events = eventsOf();
    expect(events.filter((e) => 'document' in e)).toEqual([]);
    expect(events).toContainEqual({ problem: expect.objectContaining({ code: 'TF_MISSING_FACT', file: 'plan.json', resource: 'aws_instance.front' }) });
  });

  it('a mapping file failing its schema is MAPPING_ERROR at its line', async () => {
    const { mapping, problems } = await loadMapping('bad.yaml', tmp.dir, defaultLimits);
    expect(mapping).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'MAPPING_ERROR', file: 'bad.yaml', line: 5 })]);
  });
});
