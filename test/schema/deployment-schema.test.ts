import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/input/document.js';
import { defaultLimits } from '../../src/input/limits.js';
import { parseYaml } from '../../src/input/parse-yaml.js';
import { loadPolicy } from '../../src/index.js';
import { validate } from '../../src/schema/validate.js';
import { validators } from '../../src/schema/validators.js';
import { manifest } from '../support/manifests.js';
import { makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';

const issues = (value: unknown) => validate(validators.deployment, value).map(({ path, message }) => ({ path, message }));

function withSpec(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  const base = manifest() as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
  return { ...base, metadata: { ...base.metadata, ...metadata }, spec: { ...base.spec, ...spec } };
}

describe('deployment schema', () => {
  it('counts string lengths in code points, as JSON Schema does, on 4,000 strings around the limits', () => {
    // A string's length is its code points, not its UTF-16 units: an emoji counts once.
    const codePoints = (text: string) => [...text].length;
    const near = (limit: number) =>
      fc.tuple(fc.integer({ min: Math.max(0, limit - 3), max: limit + 3 }), fc.array(fc.constantFrom('a', 'é', '😀', '\ud800'), { minLength: 1, maxLength: 4 })).map(([count, units]) =>
        Array.from({ length: count }, (_, i) => units[i % units.length]).join(''),
      );
    let astralOverUnits = 0;
    fc.assert(
      fc.property(fc.oneof(near(256), near(1)), near(253), near(4096), (owner, key, value) => {
        // The key's limit is tested on annotations, the value's on labels: each failure has a field of its own.
        const deployment = withSpec({}, { owner, annotations: { [key || 'k']: 'v' }, labels: { k: value } });
        const expected = [
          ...(codePoints(owner) < 1 || codePoints(owner) > 256 ? ['owner'] : []),
          ...(codePoints(key || 'k') > 253 ? ['annotations'] : []),
          ...(codePoints(value) > 4096 ? ['labels'] : []),
        ];
        const got = new Set(issues(deployment).map((i) => i.path.split('.')[1]));
        expect([...got].sort(), JSON.stringify({ owner: owner.length, key: key.length, value: value.length })).toEqual(expected.sort());
        if (owner.length > 256 && codePoints(owner) <= 256) astralOverUnits++;
      }),
      { numRuns: 4000 },
    );
    // Strings longer in UTF-16 units than the limit but within it in code points were among them.
    expect(astralOverUnits).toBeGreaterThan(50);
  });

  it('accepts the base manifest, with labels and annotations as free string maps', () => {
    expect(issues(manifest())).toEqual([]);
    expect(issues(withSpec({}, { labels: { 'any-key': 'x' }, annotations: { 'example.com/note': 'y' } }))).toEqual([]);
  });

  it('reports every issue of a deployment at once', () => {
    const bad = {
      apiVersion: 'accord/v2',
      kind: 'Deployment',
      metadata: { name: 'Bad_Name', date: '2027-02-30' },
      spec: { workload: 'api', provider: 'azur', capacity: { kind: 'new', gpus: -1 } },
    };
    expect(issues(bad)).toEqual(
      expect.arrayContaining([
        { path: 'apiVersion', message: 'must be "accord/v1"' },
        { path: 'metadata.name', message: expect.stringContaining('must match the pattern') },
        { path: 'metadata.date', message: 'must be a real calendar date written YYYY-MM-DD' },
        { path: 'spec.provider', message: expect.stringContaining('must be one of "azure"') },
        { path: 'spec.capacity.gpus', message: expect.stringContaining('>= 0') },
      ]),
    );
    expect(issues(bad)).toHaveLength(5);
  });

  it('refuses an unknown field such as the typo `endpionts`, naming the field and the one it most likely meant', () => {
    expect(issues(withSpec({ endpionts: [] }))).toEqual([{ path: 'spec.endpionts', message: 'unknown field "endpionts"; did you mean "endpoints"?' }]);
    expect(issues({ ...manifest(), extra: 1 })).toEqual([{ path: 'extra', message: 'unknown field "extra"' }]);
  });

  it('suggests from the fields of the object at fault, at any depth', () => {
    const base = manifest() as { spec: { capacity: Record<string, unknown> } };
    const { capacity, ...spec } = base.spec;
    expect(issues(withSpec({ ...spec, capcity: capacity }))).toEqual(
      expect.arrayContaining([{ path: 'spec.capcity', message: 'unknown field "capcity"; did you mean "capacity"?' }]),
    );
    expect(issues(withSpec({ capacity: { ...capacity, gpu: 1 } }))).toEqual([{ path: 'spec.capacity.gpu', message: 'unknown field "gpu"; did you mean "gpus"?' }]);
    expect(issues(withSpec({ endpoints: [{ url: 'https://a.example', hostedOn: 'azure', pubilc: true }] }))).toEqual([
      { path: 'spec.endpoints[0].pubilc', message: 'unknown field "pubilc"; did you mean "public"?' },
    ]);
    expect(issues(withSpec({}, { nmae: 'x' }))).toEqual([{ path: 'metadata.nmae', message: 'unknown field "nmae"; did you mean "name"?' }]);
    // A free map has no field names to suggest from; a key far from every field gets no guess.
    expect(issues(withSpec({ region: 'eu', reigon: 'x', workloadClass: 'gpu' }))).toEqual([
      { path: 'spec.reigon', message: 'unknown field "reigon"; did you mean "region"?' },
      { path: 'spec.workloadClass', message: 'unknown field "workloadClass"' },
    ]);
  });

  it('suggests the allowed value a wrong one most likely meant: a different case, or a typo', () => {
    expect(issues(withSpec({ provider: 'Azure' }))).toEqual([{ path: 'spec.provider', message: expect.stringMatching(/^must be one of "azure", .*; did you mean "azure"\?$/) }]);
    expect(issues(withSpec({ workload: 'trainng' }))).toEqual([{ path: 'spec.workload', message: expect.stringMatching(/; did you mean "training"\?$/) }]);
    expect(issues(withSpec({ endpoints: [{ url: 'https://a.example', hostedOn: 'AWS' }] }))).toEqual([
      { path: 'spec.endpoints[0].hostedOn', message: expect.stringMatching(/; did you mean "aws"\?$/) },
    ]);
    expect(issues(withSpec({ provider: 'on-premises' }))[0]?.message).not.toContain('did you mean');
    expect(issues(withSpec({ provider: 7 }))[0]?.message).not.toContain('did you mean');
  });

  it('accepts a "$schema" key, for editors, and nothing else beginning with $', () => {
    expect(issues({ $schema: './node_modules/accord-policy/schemas/deployment.schema.json', ...manifest() })).toEqual([]);
    expect(issues({ $schema: 1, ...manifest() })).toEqual([{ path: '$schema', message: 'must be string' }]);
    expect(issues({ $shema: 'x', ...manifest() })).toEqual([{ path: '$shema', message: 'unknown field "$shema"; did you mean "$schema"?' }]);
  });

  it('refuses a wrong apiVersion and a wrong kind', () => {
    expect(issues({ ...manifest(), apiVersion: 'v1' })).toEqual([{ path: 'apiVersion', message: 'must be "accord/v1"' }]);
    expect(issues({ ...manifest(), kind: 'Service' })).toEqual([{ path: 'kind', message: 'must be "Deployment"' }]);
  });

  it.each(['2027-02-30', '2027-13-01', '2026-02-29', '27-03-01', '2027-3-1', '2027-03-01T00:00:00Z'])('refuses the date %s', (date) => {
    expect(issues(withSpec({}, { date }))).toEqual([{ path: 'metadata.date', message: 'must be a real calendar date written YYYY-MM-DD' }]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(issues(withSpec({}, { date: '2028-02-29' }))).toEqual([]);
  });

  it.each(['API-eastus', 'api_eastus', 'api eastus', '', 'a'.repeat(64)])('refuses the name %j', (name) => {
    expect(issues(withSpec({}, { name }))).toEqual([{ path: 'metadata.name', message: expect.stringContaining('must match the pattern') }]);
  });

  it('accepts a 63-character name', () => {
    expect(issues(withSpec({}, { name: 'a'.repeat(63) }))).toEqual([]);
  });

  it('refuses a number where a string is expected, and a string where a number is', () => {
    expect(issues(withSpec({ region: 42 }))).toEqual([{ path: 'spec.region', message: 'must be string' }]);
    expect(issues(withSpec({}, { name: 7 }))).toEqual([{ path: 'metadata.name', message: 'must be string' }]);
    expect(issues(withSpec({ capacity: { kind: 'new', gpus: '20000' } }))).toEqual([{ path: 'spec.capacity.gpus', message: 'must be integer' }]);
    expect(issues(withSpec({ capacity: { kind: 'new', gpus: 1.5 } }))).toEqual([{ path: 'spec.capacity.gpus', message: 'must be integer' }]);
    expect(issues(withSpec({ revenueShare: { metered: 'true' } }))).toEqual([{ path: 'spec.revenueShare.metered', message: 'must be boolean' }]);
  });

  it('accepts only https endpoint URLs', () => {
    const endpoint = (url: string) => withSpec({ endpoints: [{ url, hostedOn: 'azure' }] });
    expect(issues(endpoint('https://api.example.com/v1'))).toEqual([]);
    for (const url of ['http://api.example.com/v1', 'ftp://api.example.com', 'api.example.com', 'https://', 'HTTPS://api.example.com', 'https://api.example.com/a b']) {
      expect(issues(endpoint(url)).map((i) => i.path), url).toContain('spec.endpoints[0].url');
    }
  });

  it('names missing required fields at their parent', () => {
    const { spec: _spec, ...noSpec } = manifest();
    expect(issues(noSpec)).toEqual([{ path: '', message: 'missing required field "spec"' }]);
    expect(issues(withSpec({ endpoints: [{ url: 'https://a.example' }] }))).toEqual([{ path: 'spec.endpoints[0]', message: 'missing required field "hostedOn"' }]);
  });

  it('refuses a top-level value that is not an object', () => {
    expect(issues(null)).toEqual([{ path: '', message: 'must be object' }]);
    expect(issues([manifest()])).toEqual([{ path: '', message: 'must be object' }]);
  });
});

describe('schema issues located in the source', () => {
  const text = `apiVersion: accord/v1
kind: Deployment
metadata:
  name: api-eastus
  date: 2027-02-30
spec:
  workload: api
  provider: azure
  capacity:
    kind: new
    gpus: "20000"
  endpionts:
    - url: https://a.example
      hostedOn: azure
  endpoints:
    - url: https://a.example
      hostedOn: azure
    - url: http://b.example
      hostedOn: mars
`;

  it('positions each issue at the field at fault (unknown keys at the key)', () => {
    const doc = (parseYaml(text, 'd.yaml', defaultLimits)[0] as { document: SourceDocument }).document;
    const located = validate(validators.deployment, doc.value).map((i) => [i.path, doc.locate(i.segments)]);
    expect(located).toEqual(
      expect.arrayContaining([
        ['metadata.date', positionOf(text, 'date:')],
        ['spec.capacity.gpus', positionOf(text, 'gpus:')],
        ['spec.endpionts', positionOf(text, 'endpionts:')],
        ['spec.endpoints[1].url', positionOf(text, 'url: http://b')],
        ['spec.endpoints[1].hostedOn', positionOf(text, 'hostedOn: mars')],
      ]),
    );
    expect(located).toHaveLength(5);
  });

  describe('through checkFiles', () => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir();
      await tmp.write('d.yaml', text);
    });
    afterAll(() => tmp.cleanup());

    it('turns every issue into a SCHEMA_ERROR problem with file, line, column, path and deployment', async () => {
      const policy = await loadPolicy({ asOf: '2027-01-01' });
      const report = await policy.checkFiles(['d.yaml'], { cwd: tmp.dir });
      expect(report.findings).toEqual([]);
      expect(report.problems).toHaveLength(5);
      expect(report.problems.every((p) => p.code === 'SCHEMA_ERROR' && p.file === 'd.yaml' && p.deployment === 'api-eastus')).toBe(true);
      expect(report.problems.find((p) => p.path === 'spec.endpionts')).toMatchObject({ ...positionOf(text, 'endpionts:'), message: 'spec.endpionts: unknown field "endpionts"; did you mean "endpoints"?' });
      expect(report.summary).toMatchObject({ files: 1, deployments: 1, problems: 5 });
    });
  });
});
