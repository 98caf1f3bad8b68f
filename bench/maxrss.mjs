// Fallback peak-RSS probe, used by run.mjs only when /usr/bin/time is missing:
//   node bench/maxrss.mjs OUT_FILE SCRIPT [args...]
// runs SCRIPT in this process and, on exit, writes process.resourceUsage().maxRSS (KiB) to OUT_FILE.
// (The wrapper itself costs a module load; /usr/bin/time -f %M is preferred and has no such cost.)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...rest] = process.argv.slice(2);
if (!out || !script) throw new Error('usage: node bench/maxrss.mjs OUT_FILE SCRIPT [args...]');
process.argv = [process.argv[0], path.resolve(script), ...rest];
process.on('exit', () => writeFileSync(out, `${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(path.resolve(script)).href);
