import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessSource } from '../../src/check/assess-files.js';
import type { Assessment } from '../../src/check/assess.js';
import type { FoundFile } from '../../src/input/find-files.js';
import { defaultLimits } from '../../src/input/limits.js';
import { loadFiles } from '../../src/input/load-source.js';
import { loadRules } from '../../src/policy/load-rules.js';
import { manifest, manifestYaml } from '../support/manifests.js';
import { makeTempDir, type TempDir } from '../support/tmp-dir.js';

// loadFiles reads whole files ahead in groups (64 files, or 4 MB of text, or up to a JSONL file)
// and takes each group through one stage at a time; JSONL files stream between groups. The files
// below reach each of those limits. Whatever the grouping, each file must be assessed exactly as it
// is alone, and handed on in the order given.
describe('loadFiles and assessSource', () => {
  let tmp: TempDir;
  const files: FoundFile[] = [];

  beforeAll(async () => {
    tmp = await makeTempDir('accord-assess-files-');
    const big = (i: number) => JSON.stringify(Array.from({ length: 4000 }, (_, j) => manifest({ name: `big-${i}-${j}`, provider: j % 7 === 0 ? 'oracle' : 'azure' })));
    for (let i = 0; i < 200; i++) {
      let name: string;
      let content: string | undefined;
      if (i >= 150 && i < 156) [name, content] = [`f${i}.json`, big(i)]; // about 1 MB each: the size limit of a group
      else if (i === 5 || i === 180) [name, content] = [`f${i}.jsonl`, `${JSON.stringify(manifest({ name: `l${i}a` }))}\n{"broken":\n${JSON.stringify(manifest({ name: `l${i}b`, provider: 'oracle' }))}\n`];
      else if (i % 41 === 7) [name, content] = [`f${i}.json`, '{"apiVersion": "accord/v1",'];
      else if (i % 10 === 0) [name, content] = [`f${i}.yaml`, manifestYaml({ name: `y${i}`, provider: 'oracle' })];
      else if (i === 99) [name, content] = ['f99.txt', 'not a manifest'];
      else if (i === 101) [name, content] = ['f101.json', undefined]; // listed, then gone
      else [name, content] = [`f${i}.json`, JSON.stringify(manifest({ name: `j${i}`, provider: i % 3 === 0 ? 'oracle' : 'azure' }))];
      if (content !== undefined) await tmp.write(name, content);
      files.push({ path: tmp.path(name), file: name });
    }
  });
  afterAll(() => tmp.cleanup());

  it('hands on what each file gives alone, file by file, in order', async () => {
    const { rules } = await loadRules(['rules/'], process.cwd());
    const context = { rules, registry: undefined };
    const alone: Assessment[][] = [];
    for (const file of files) {
      const out: Assessment[] = [];
      let ends = 0;
      await assessSource(loadFiles([file], defaultLimits), context, { assessment: (a) => out.push(a), fileDone: () => ends++ });
      expect(ends, file.file).toBe(1);
      alone.push(out);
    }
    const grouped: Assessment[][] = [];
    let current: Assessment[] = [];
    await assessSource(loadFiles(files, defaultLimits), context, {
      assessment: (a) => current.push(a),
      fileDone: () => {
        grouped.push(current);
        current = [];
      },
    });
    expect(current).toEqual([]);
    expect(grouped).toHaveLength(files.length);
    expect(grouped).toEqual(alone);
    // Not vacuous: findings, problems of every kind, and the big files' deployments are all there.
    const flat = alone.flat();
    const codes = new Set(flat.flatMap((a) => ('problem' in a ? [a.problem.code] : 'invalid' in a ? a.invalid.map((p) => p.code) : [])));
    expect([...codes].sort()).toEqual(['PARSE_ERROR', 'READ_ERROR']);
    expect(flat.filter((a) => 'evaluation' in a && a.evaluation && a.evaluation.findings.length > 0).length).toBeGreaterThan(2000);
    expect(flat.filter((a) => 'deployment' in a && a.deployment.name.startsWith('big-')).length).toBe(6 * 4000);
  });
});
