// The layering of src/ (docs/architecture.md): no import cycles between files or between folders,
// the CLI reaches the library through its public entry only, the facade (api.ts) sits on top, and
// every module is used. Type-only imports count: a cycle of types is still a cycle.
import path from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
let graph: Record<string, string[]>;
let cycles: string[][];

beforeAll(async () => {
  const result = await madge(path.join(repo, 'src'), { fileExtensions: ['ts'], tsConfig: path.join(repo, 'tsconfig.json') });
  graph = result.obj();
  cycles = result.circular();
  // Not vacuous: madge resolved the `.js` specifiers of the sources to their `.ts` files.
  expect(Object.keys(graph).length).toBeGreaterThan(60);
  expect(graph['index.ts']).toContain('api.ts');
}, 120_000);

/** A folder directly under src/ (`check/`), or a file at the top (`types.ts`). */
const unit = (file: string): string => (file.includes('/') ? `${file.split('/')[0]}/` : file);

describe('layering of src/', () => {
  it('has no import cycle between files (what `npx madge --circular --extensions ts src` reports)', () => {
    expect(cycles).toEqual([]);
  });

  it('has no import cycle between folders (nor between a folder and a top-level file)', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, imports] of Object.entries(graph)) {
      for (const imported of imports) {
        const [from, to] = [unit(file), unit(imported)];
        if (from !== to && !to.startsWith('..')) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const found: string[] = [];
    const visit = (node: string, trail: string[]): void => {
      if (trail.includes(node)) {
        found.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect([...new Set(found)]).toEqual([]);
  });

  it('the CLI imports nothing of the library but its public entry, index.ts', () => {
    const reached = Object.entries(graph)
      .filter(([file]) => file.startsWith('cli/'))
      .flatMap(([file, imports]) => imports.filter((i) => !i.startsWith('cli/') && i !== 'index.ts').map((i) => `${file} -> ${i}`));
    expect(reached).toEqual([]);
    expect(graph['cli/main.ts']).toContain('index.ts');
  });

  it('only the public entry and `accord test` use the facade (api.ts)', () => {
    const users = Object.entries(graph)
      .filter(([, imports]) => imports.includes('api.ts'))
      .map(([file]) => file);
    expect(users.sort()).toEqual(['fixtures/run-fixtures.ts', 'index.ts']);
  });

  it('every module is reached from the library entry, the CLI or the HTML report page (a browser bundle of its own)', () => {
    const reached = new Set<string>();
    const walk = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph[file] ?? []) walk(next);
    };
    walk('index.ts');
    walk('cli/main.ts');
    walk('report/html/page/main.ts');
    expect(Object.keys(graph).filter((file) => !reached.has(file))).toEqual([]);
  });
});
