import type { CliIo } from './io.js';
export async function runRulesCommand(_id: string | undefined, _flags: unknown, _io: CliIo): Promise<number> { return 2; }
