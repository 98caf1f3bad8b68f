import { loadJsonlBatches } from '../load-jsonl.js';
import type { StreamKind } from './kind.js';
import { firstLine, isJsonLines } from './sniff.js';

/** JSON Lines: one deployment per line, streamed. */
export const jsonl: StreamKind = {
  name: 'jsonl',
  extensions: ['jsonl', 'ndjson'],
  detect: (text) => isJsonLines(firstLine(text)),
  reads: 'stream',
  load: loadJsonlBatches,
};
