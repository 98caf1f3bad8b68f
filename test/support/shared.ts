import { fileURLToPath } from 'node:url';

/** A file of the read-only material beside the repository (../shared: validators, terms, Terraform plans). */
export function sharedFile(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/${relative}`, import.meta.url));
}
