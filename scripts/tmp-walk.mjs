import fg from 'fast-glob';
import { readdirSync } from 'node:fs';
import path from 'node:path';
const dir = process.argv[2];
const which = process.argv[3];
const t = performance.now();
let n = 0;
if (which === 'fg') n = fg.sync('**/*.json', { cwd: dir, absolute: true }).length;
else if (which === 'fgobj') n = fg.sync('**/*', { cwd: dir, ignore: ['**/node_modules/**', '**/.git/**'], dot: false, onlyFiles: false, followSymbolicLinks: false, objectMode: true, suppressErrors: true }).length;
else if (which === 'rec') n = readdirSync(dir, { recursive: true, withFileTypes: true }).length;
else {
  const out = [];
  const walk = (d, rel) => { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.name.startsWith('.') || e.name === 'node_modules') continue; const r = rel ? `${rel}/${e.name}` : e.name; if (e.isDirectory()) walk(`${d}/${e.name}`, r); else out.push(r); } };
  walk(dir, ''); n = out.length;
}
console.log(which, n, (performance.now() - t).toFixed(1));
