// Reference floor for scenario 4 (no target of its own): stream a JSONL file, split it into lines,
// JSON.parse each one. Memory stays bounded by the read buffer.
// Usage: node bench/floor-jsonl.mjs FILE   (prints {"lines":N})
import { createReadStream } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/floor-jsonl.mjs FILE');
let lines = 0;
let rest = '';
for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
  const parts = (rest + chunk).split('\n');
  rest = parts.pop();
  for (const line of parts) {
    if (line.trim() === '') continue;
    JSON.parse(line);
    lines++;
  }
}
if (rest.trim() !== '') {
  JSON.parse(rest);
  lines++;
}
process.stdout.write(`${JSON.stringify({ lines })}\n`);
