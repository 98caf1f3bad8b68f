import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../src/input/decode.js';
import type { LoadEvent, SourceDocument } from '../../src/input/document.js';
import { defaultLimits } from '../../src/input/limits.js';
import { loadFile } from '../../src/input/load-source.js';
import { collectAll, makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';
import { vendorFile } from '../support/vendor.js';

const limits = { ...defaultLimits };
const documents = (events: LoadEvent[]): SourceDocument[] => events.flatMap((e) => ('document' in e ? [e.document] : []));
const problems = (events: LoadEvent[]) => events.flatMap((e) => ('problem' in e ? [e.problem] : []));
/** Every event of one whole file, read by the kind its extension names. */
const loaded = (path: string, file: string, limitsUsed: typeof limits) => collectAll(loadFile(path, file, limitsUsed));
const utf16Plan = vendorFile('checkov__aws_s3__UTF16LE_BOM.json');

describe('whole-file loaders (JSON and YAML)', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir();
  });
  afterAll(() => tmp.cleanup());

  it('reads a JSON object as one deployment at line 1', async () => {
    const file = await tmp.write('one.json', '\n{"metadata": {"name": "a"}}');
    const docs = documents(await loaded(file, 'one.json', limits));
    expect(docs).toHaveLength(1);
    expect(docs[0]?.start).toEqual({ line: 2, column: 1 });
    expect(docs[0]?.file).toBe('one.json');
  });

  it('reads a JSON array as one deployment per element, each positioned at its element', async () => {
    const text = '[\n  {"metadata": {"name": "a"}},\n  {\n    "metadata": {"name": "b"}\n  }\n]\n';
    const file = await tmp.write('many.json', text);
    const docs = documents(await loaded(file, 'many.json', limits));
    expect(docs.map((d) => [d.value, d.start])).toEqual([
      [{ metadata: { name: 'a' } }, { line: 2, column: 3 }],
      [{ metadata: { name: 'b' } }, { line: 3, column: 3 }],
    ]);
    expect(docs[1]?.locate(['metadata', 'name'])).toEqual(positionOf(text, '"name"', 1));
    expect(docs[1]?.locate(['spec', 'provider'])).toEqual({ line: 3, column: 3 });
  });

  it('reports an empty JSON array as no deployment', async () => {
    const file = await tmp.write('empty-array.json', '[]');
    expect(problems(await loaded(file, 'empty-array.json', limits))).toEqual([expect.objectContaining({ code: 'NO_DEPLOYMENTS', line: 1 })]);
  });

  it.each([
    ['empty.yaml', ''],
    ['blank.json', '  \n\n'],
    ['comments.yaml', '# nothing here\n# at all\n'],
    ['separators.yml', '---\n# nothing\n---\n'],
  ] as const)('reports %s as holding no deployment', async (name, content) => {
    const file = await tmp.write(name, content);
    expect(problems(await loaded(file, name, limits))).toEqual([expect.objectContaining({ code: 'NO_DEPLOYMENTS', file: name })]);
  });

  it('refuses a file over maxFileBytes without parsing it', async () => {
    const file = await tmp.write('big.json', `{"pad": "${'x'.repeat(2000)}"}`);
    expect(problems(await loaded(file, 'big.json', { ...limits, maxFileBytes: 1000 }))).toEqual([
      expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('over the limit of 1000') }),
    ]);
    expect(documents(await loaded(file, 'big.json', { ...limits, maxFileBytes: 4000 }))).toHaveLength(1);
  });

  it('accepts a UTF-8 BOM without shifting columns', async () => {
    const file = await tmp.write('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('metadata:\n  name: a\n')]));
    const docs = documents(await loaded(file, 'bom.yaml', limits));
    expect(docs.map((d) => d.value)).toEqual([{ metadata: { name: 'a' } }]);
    expect(docs[0]?.locate(['metadata', 'name'])).toEqual({ line: 2, column: 3 });
    const json = await tmp.write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]));
    expect(documents(await loaded(json, 'bom.json', limits)).map((d) => d.value)).toEqual([{ a: 1 }]);
  });

  it('decodes UTF-16LE with a BOM: the Terraform plan is read as a plan (no partnership capacity in it)', async () => {
    const bytes = await readFile(utf16Plan);
    expect(decode(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le' });
    const events = await loaded(utf16Plan, 'plan.json', limits);
    expect(problems(events)).toEqual([]);
    expect(documents(events)).toEqual([]);
    expect(events).toEqual([{ notice: expect.objectContaining({ code: 'TF_NO_DEPLOYMENTS', file: 'plan.json', line: 1, column: 1 }) }]);
  });

  it('refuses invalid UTF-8 as an encoding error', async () => {
    const file = await tmp.write('latin1.yaml', Buffer.from('metadata:\n  owner: caf\xe9\n', 'latin1'));
    expect(problems(await loaded(file, 'latin1.yaml', limits))).toEqual([expect.objectContaining({ code: 'ENCODING_ERROR', file: 'latin1.yaml' })]);
  });

  it('refuses binary content (NUL bytes)', async () => {
    expect(decode(Buffer.from('{"a":\u0000 1}'))).toMatchObject({ ok: false });
    const file = await tmp.write('binary.json', Buffer.from('{"a":\u0000 1}'));
    expect(problems(await loaded(file, 'binary.json', limits))).toEqual([expect.objectContaining({ code: 'ENCODING_ERROR', file: 'binary.json' })]);
  });

  it('loadFile dispatches on the extension and reports a missing file as a problem', async () => {
    const file = await tmp.write('d.yml', 'a: 1\n---\nb: 2\n');
    expect(documents(await collectAll(loadFile(file, 'd.yml', limits))).map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(problems(await collectAll(loadFile(tmp.path('gone.json'), 'gone.json', limits)))).toEqual([expect.objectContaining({ code: 'READ_ERROR', file: 'gone.json' })]);
  });
});
