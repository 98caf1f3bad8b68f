// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by module/package, and
// inclusive time by package (time with any frame of that package on the stack, which is what a
// package costs including what it calls). Frames in bundled files are mapped back to their original
// source with the bundle's source map (FILE.js.map beside FILE.js) when there is one.
//
//   node bench/cpuprofile-summary.mjs FILE.cpuprofile [--top N]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const maps = new Map();
function sourceMapFor(url) {
  // vm.Script (bin/code-cache.cjs) names the CLI bundle by its path, not a file:// URL.
  if (url.startsWith('/')) url = pathToFileURL(url).href;
  if (!url.startsWith('file://')) return undefined;
  if (maps.has(url)) return maps.get(url);
  let map;
  try {
    const file = fileURLToPath(url);
    if (existsSync(`${file}.map`)) map = { dir: path.dirname(file), map: new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) };
  } catch {
    map = undefined;
  }
  maps.set(url, map);
  return map;
}

/** { source, line, group } of a call frame: group is a package, an accord source file, node internals… */
function locate(frame) {
  const { url, lineNumber, columnNumber, functionName } = frame;
  if (!url) {
    const special = functionName.startsWith('(') ? functionName : '(native/V8)';
    return { source: special, line: 0, group: special };
  }
  if (url.startsWith('node:')) return { source: url, line: lineNumber + 1, group: 'node internals' };
  let source = url.startsWith('file://') ? fileURLToPath(url) : url;
  let line = lineNumber + 1;
  const sm = sourceMapFor(url);
  if (sm && lineNumber >= 0) {
    const entry = sm.map.findEntry(lineNumber, columnNumber);
    if (entry && entry.originalSource) {
      source = path.resolve(sm.dir, entry.originalSource.replace(/^file:\/\//, ''));
      line = entry.originalLine + 1;
    }
  }
  return { source, line, group: groupOf(source) };
}

export function groupOf(source) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (pkg) return pkg[1];
  const src = /\/(src\/.+)$/.exec(source);
  if (src) return `accord ${src[1]}`;
  if (/\/dist\/[^/]+\.js$/.test(source)) return 'bundle glue (module top level, esbuild helpers; no source)';
  if (/\/bench\//.test(source)) return `bench/${path.basename(source)}`;
  return source;
}

export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const info = new Map(profile.nodes.map((n) => [n.id, locate(n.callFrame)]));

  const deltas = profile.timeDeltas;
  const selfUs = new Map();
  const groupSelf = new Map();
  const groupIncl = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    total += us;
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
    const g = info.get(id).group;
    groupSelf.set(g, (groupSelf.get(g) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const group = info.get(at).group;
      if (group.startsWith('(')) continue;
      if (!seen.has(group)) {
        seen.add(group);
        groupIncl.set(group, (groupIncl.get(group) ?? 0) + us);
      }
    }
  }
  const fnSelf = new Map();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const where = info.get(id);
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${shortSource(where.source)}${where.line ? `:${where.line}` : ''}`;
    const prev = fnSelf.get(key) ?? { us: 0, group: where.group };
    prev.us += us;
    fnSelf.set(key, prev);
  }
  return {
    totalMs: total / 1000,
    functions: [...fnSelf].map(([name, v]) => ({ name, group: v.group, ms: v.us / 1000 })).sort((a, b) => b.ms - a.ms),
    groupsSelf: [...groupSelf].map(([group, us]) => ({ group, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
    groupsInclusive: [...groupIncl].map(([group, us]) => ({ group, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
  };
}

function shortSource(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm + 'node_modules/'.length);
  const src = source.lastIndexOf('/src/');
  if (src >= 0) return source.slice(src + 1);
  return source.startsWith('/') ? path.basename(source) : source;
}

export function printSummary(summary, { top = 25, title = '' } = {}) {
  const pct = (ms) => `${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%`;
  const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;
  if (title) console.log(`\n=== ${title}`);
  console.log(`profile: ${summary.totalMs.toFixed(1)} ms sampled`);
  console.log(`\n-- self time by module/package (top ${Math.min(top, summary.groupsSelf.length)})`);
  for (const g of summary.groupsSelf.slice(0, top)) console.log(`${ms(g.ms)} ${pct(g.ms)}  ${g.group}`);
  console.log(`\n-- inclusive time by module/package (callees included; groups overlap)`);
  for (const g of summary.groupsInclusive.slice(0, top)) console.log(`${ms(g.ms)} ${pct(g.ms)}  ${g.group}`);
  console.log(`\n-- self time by function (top ${top})`);
  for (const f of summary.functions.slice(0, top)) console.log(`${ms(f.ms)} ${pct(f.ms)}  ${f.name}   [${f.group}]`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/cpuprofile-summary.mjs FILE.cpuprofile [--top N]');
  const topAt = process.argv.indexOf('--top');
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 25;
  printSummary(summarise(JSON.parse(readFileSync(file, 'utf8'))), { top, title: file });
}
