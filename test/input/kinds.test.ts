// The input-kind registry (src/input/kinds/registry.ts): which kind reads a file (by extension) and
// stdin (by content), and the invariants loadFiles relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { json } from '../../src/input/kinds/json.js';
import { jsonl } from '../../src/input/kinds/jsonl.js';
import { chooseKind, inputFormats, inputKinds, isManifestPath, kindNamed, kindsForPath, manifestExtensions } from '../../src/input/kinds/registry.js';
import { yaml } from '../../src/input/kinds/yaml.js';
import { terraformPlan } from '../../src/input/kinds/terraform-plan.js';
import { replay, runs } from '../properties/seed.js';

const detected = (text: string) => chooseKind(inputKinds, () => text).name;

describe('input kinds', () => {
  it('are terraform-plan, json, yaml and jsonl, with their extensions', () => {
    expect(inputFormats).toEqual(['terraform-plan', 'json', 'yaml', 'jsonl']);
    expect(manifestExtensions).toEqual(['json', 'yaml', 'yml', 'jsonl', 'ndjson']);
    expect(kindNamed('jsonl')).toBe(jsonl);
    expect(kindNamed('toml')).toBeUndefined();
  });

  it('a file is read by the kinds its extension names, in any case; other files are not manifests', () => {
    expect(kindsForPath('d/a.json')).toEqual([terraformPlan, json]);
    expect(kindsForPath('d/a.YML')).toEqual([yaml]);
    expect(kindsForPath('a.ndjson')).toEqual([jsonl]);
    for (const other of ['a.txt', 'json', 'a.json.bak', 'dir.json/file', '.yaml.swp']) {
      expect(kindsForPath(other), other).toEqual([]);
      expect(isManifestPath(other), other).toBe(false);
    }
  });

  it('the kinds an extension names all read the same way (loadFiles streams or reads whole by extension)', () => {
    for (const extension of manifestExtensions) expect(new Set(kindsForPath(`x.${extension}`).map((k) => k.reads)).size, extension).toBe(1);
  });

  it('stdin: JSON for one JSON value, JSONL for one value a line, YAML for the rest', () => {
    expect(detected('{"a": 1}')).toBe('json');
    expect(detected('\ufeff\n\n  [\n  {"a": 1}\n]\n')).toBe('json');
    expect(detected('{"a": 1}\n{"b": 2}\n')).toBe('jsonl');
    expect(detected('{"a": 1}\n\n   \n')).toBe('json');
    expect(detected('{"a":\n 1}\n')).toBe('json');
    expect(detected('a: 1\n')).toBe('yaml');
    expect(detected('')).toBe('yaml');
    expect(detected('- {"a": 1}\n')).toBe('yaml');
  });

  it('stdin and .json files: a Terraform plan (or state) by its first key, pretty-printed or not', () => {
    expect(detected('{"format_version":"1.2","terraform_version":"1.9.5"}\n')).toBe('terraform-plan');
    expect(detected('\ufeff{\r\n  "format_version": "1.1",\r\n  "terraform_version": "1.5.7"\r\n}')).toBe('terraform-plan');
    expect(detected('{"terraform_version":"1.9.5","format_version":"1.2"}')).toBe('json');
    expect(detected('{"apiVersion": "accord/v1"}')).toBe('json');
    expect(detected('format_version: "1.2"\n')).toBe('yaml');
  });

  it('json, yaml and jsonl claim disjoint contents and between them every content', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom('{"a": 1}', '[1, 2]', '{"a":', 'a: 1', '', '  ', '\ufeff', '- x'), { maxLength: 4 }).map((lines) => lines.join('\n')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect([json, yaml, jsonl].filter((kind) => kind.detect(text)), `${JSON.stringify(text)} (${replay})`).toHaveLength(1);
      }),
      runs(2_000),
    );
  });
});
