import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadEvent, SourceDocument } from '../../src/input/document.js';
import { defaultLimits } from '../../src/input/limits.js';
import { loadJsonlBatches } from '../../src/input/load-jsonl.js';
import { loadFile } from '../../src/input/load-source.js';
import { collectAll, makeTempDir, positionOf, type TempDir } from '../support/tmp-dir.js';

const limits = { ...defaultLimits };
const documents = (events: LoadEvent[]): SourceDocument[] => events.flatMap((e) => ('document' in e ? [e.document] : []));
const problems = (events: LoadEvent[]) => events.flatMap((e) => ('problem' in e ? [e.problem] : []));

async function* chunked(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const load = async (text: string | Buffer, chunkSize = 7, overrides = {}) => (await collectAll(loadJsonlBatches(chunked(text, chunkSize), 'f.jsonl', { ...limits, ...overrides }))).flat();

describe('JSONL loader', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir();
  });
  afterAll(() => tmp.cleanup());

  it("gives each record its file line, skipping blank lines, whatever the chunking", async () => {
    const text = '{"n": 1}\n\n   \n{"n": 2, "spec": {"provider": "oracle"}}\n{"n": 3}\n';
    for (const size of [1, 3, 7, 1024]) {
      const docs = documents(await load(text, size));
      expect(docs.map((d) => [(d.value as { n: number }).n, d.start.line])).toEqual([[1, 1], [2, 4], [3, 5]]);
      expect(docs[1]?.locate(['spec', 'provider'])).toEqual(positionOf(text, '"provider"'));
    }
  });

  it('reads CRLF line endings and a final line without newline', async () => {
    const docs = documents(await load('{"n": 1}\r\n\r\n{"n": 2}'));
    expect(docs.map((d) => [d.value, d.start.line])).toEqual([[{ n: 1 }, 1], [{ n: 2 }, 3]]);
  });

  it('drops a UTF-8 BOM on the first line only', async () => {
    const docs = documents(await load(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"n": 1}\n{"n": 2}\n')]), 2));
    expect(docs.map((d) => d.value)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(docs[0]?.locate(['n'])).toEqual({ line: 1, column: 2 });
  });

  it('refuses UTF-16 with a clear message', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"n": 1}\n', 'utf16le')]);
    expect(problems(await load(utf16))).toEqual([expect.objectContaining({ code: 'ENCODING_ERROR', line: 1 })]);
  });

  it('reports a bad line with its line number and keeps reading the rest', async () => {
    const events = await load('{"n": 1}\n{"n": \n{"n": 3}\n{"a": 1, "a": 2}\n');
    expect(documents(events).map((d) => d.value)).toEqual([{ n: 1 }, { n: 3 }]);
    expect(problems(events).map((p) => [p.code, p.line])).toEqual([['PARSE_ERROR', 2], ['DUPLICATE_KEY', 4]]);
  });

  it('reports invalid UTF-8 on its line', async () => {
    const bytes = Buffer.concat([Buffer.from('{"n": 1}\n{"n": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"n": 3}\n')]);
    const events = await load(bytes);
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'ENCODING_ERROR', line: 2 })]);
    expect(documents(events)).toHaveLength(2);
  });

  it('refuses a forbidden key on its line', async () => {
    const events = await load('{"n": 1}\n{"spec": {"__proto__": {"x": 1}}}\n');
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'FORBIDDEN_KEY', line: 2, column: 11, path: 'spec.__proto__' })]);
  });

  it('skips a line over maxLineBytes without holding it, and keeps the line count', async () => {
    const long = `{"pad": "${'x'.repeat(500)}"}`;
    const events = await load(`{"n": 1}\n${long}\n{"n": 3}\n`, 16, { maxLineBytes: 100 });
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'LINE_TOO_LONG', line: 2 })]);
    expect(documents(events).map((d) => [d.value, d.start.line])).toEqual([[{ n: 1 }, 1], [{ n: 3 }, 3]]);
  });

  it('refuses a line holding an array', async () => {
    expect(problems(await load('[{"n": 1}]\n'))).toEqual([expect.objectContaining({ code: 'SCHEMA_ERROR', line: 1 })]);
  });

  it('reports a file of blank lines as holding no deployment', async () => {
    expect(problems(await load('\n\r\n  \n'))).toEqual([expect.objectContaining({ code: 'NO_DEPLOYMENTS' })]);
    expect(problems(await load(''))).toEqual([expect.objectContaining({ code: 'NO_DEPLOYMENTS' })]);
  });

  it('hands records on a chunk at a time, in order, with their lines, and never an empty batch', async () => {
    const text = Array.from({ length: 200 }, (_, i) => (i === 50 ? '{"broken":' : JSON.stringify({ n: i }))).join('\n');
    const batches = await collectAll(loadJsonlBatches(chunked(text, 100), 'f.jsonl', limits));
    expect(batches.length).toBeGreaterThan(10);
    expect(batches.length).toBeLessThan(60);
    expect(batches.every((b) => b.length > 0)).toBe(true);
    const events = batches.flat();
    expect(documents(events).map((d) => [(d.value as { n: number }).n, d.start.line])).toEqual(Array.from({ length: 200 }, (_, i) => [i, i + 1]).filter(([i]) => i !== 50));
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'PARSE_ERROR', line: 51 })]);
  });

  it('streams a file from disk', async () => {
    const file = await tmp.write('d.jsonl', '\n{"n": 1}\n');
    const docs = documents(await collectAll(loadFile(file, 'd.jsonl', limits)));
    expect(docs.map((d) => [d.file, d.start.line])).toEqual([['d.jsonl', 2]]);
  });

  it('reports a missing file as a read error, not a crash', async () => {
    const events = await collectAll(loadFile(tmp.path('missing.jsonl'), 'missing.jsonl', limits));
    expect(problems(events)).toEqual([expect.objectContaining({ code: 'READ_ERROR', file: 'missing.jsonl' })]);
  });
});
