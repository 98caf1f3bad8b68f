import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '../index.js';
import { write, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** The JSON Schemas `accord schema` prints: each ships in the package as schemas/<name>.schema.json. */
export const schemaNames = ['deployment', 'approvals', 'waivers', 'rule', 'config'] as const;

/** schemas/ at the package root: beside dist/ (the built CLI) or above src/cli/ (a test run from source). */
function schemaFile(name: string): string {
  const here = new URL('.', import.meta.url);
  const root = here.pathname.endsWith('/src/cli/') ? new URL('../../', here) : new URL('../', here);
  return fileURLToPath(new URL(`schemas/${name}.schema.json`, root));
}

/** Prints one schema as it ships (its `$id` is stable), or with --path where the file is, for editor settings. */
export async function runSchemaCommand(name: string | undefined, flags: { path?: boolean }, io: CliIo): Promise<number> {
  const chosen = name ?? 'deployment';
  if (!(schemaNames as readonly string[]).includes(chosen)) {
    throw new UsageError(`no schema "${chosen}"${didYouMean(chosen, schemaNames)} (schemas: ${schemaNames.join(', ')})`);
  }
  const file = schemaFile(chosen);
  await write(io.stdout, flags.path ? `${file}\n` : readFileSync(file, 'utf8'));
  return 0;
}
