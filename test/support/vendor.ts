import { fileURLToPath } from 'node:url';

/** A file of test/vendor/ (validators and inputs copied from other projects; see its README). */
export function vendorFile(name: string): string {
  return fileURLToPath(new URL(`../vendor/${name}`, import.meta.url));
}
