import type { deflateSync as DeflateSync } from 'node:zlib';
import { createRequire } from 'node:module';

let deflateSync: typeof DeflateSync | undefined;

/**
 * The page model as the page carries it: JSON, deflated, in base64. Ten thousand deployments' worth
 * of findings is a tenth of the size (the browser reads the page that much sooner), and base64 has no
 * character that could end the element it sits in or start markup, whatever the report holds.
 * node:zlib is loaded on first use, not by every run that could format HTML.
 */
export function encodePageData(model: unknown): string {
  deflateSync ??= (createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')).deflateSync;
  return deflateSync(JSON.stringify(model), { level: 6 }).toString('base64');
}
