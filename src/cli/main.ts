import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isAccordError, version as toolVersion } from '../index.js';
import { runCheckCommand } from './check-command.js';
import { processIo, write, type CliIo } from './io.js';
import { runRulesCommand } from './rules-command.js';
import { runTestCommand } from './test-command.js';
import { UsageError } from './usage-error.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
const positiveInt = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a positive whole number');
  return Number(value);
};

/** Runs the CLI and resolves to the exit code; the caller (bin/accord.js) sets it. Nothing here exits the process. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('accord')
    .description('Checks proposed cloud deployments against the terms of the compute partnership.')
    .version(toolVersion, '-v, --version')
    .showHelpAfterError('(run accord --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('check')
    .description('check deployment manifests (files, directories, globs, or - for stdin)')
    .argument('[paths...]', 'files, directories or globs; default: "include" of accord.config.json')
    .option('-r, --rules <dir>', 'rules folder (repeatable); default: the bundled partnership pack', collect)
    .option('--approvals <file>', 'approvals registry (JSON or YAML)')
    .option('--waivers <file>', 'waivers file (JSON or YAML)')
    .option('--as-of <date>', 'run date for waiver expiry (YYYY-MM-DD); default: today (UTC)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'junit', 'github', 'markdown']))
    .option('-o, --output <file>', 'write the report to a file; a one-line summary goes to stderr')
    .addOption(new Option('--fail-on <level>', 'lowest severity that fails the run (default: error)').choices(['error', 'warning', 'never']))
    .option('-c, --config <file>', 'config file (default: ./accord.config.json when present)')
    .option('--exclude <glob>', 'exclude matching files (repeatable)', collect)
    .addOption(new Option('--stdin-format <format>', 'format of stdin with `-` (default: detected)').choices(['json', 'yaml', 'jsonl']))
    .addOption(new Option('--evaluator <name>', 'evaluation path (both give identical findings)').choices(['compiled', 'json-rules-engine']))
    .option('--max-file-bytes <n>', 'largest JSON/YAML file read', positiveInt)
    .option('--max-line-bytes <n>', 'longest JSONL line', positiveInt)
    .option('--max-depth <n>', 'deepest nesting', positiveInt)
    .option('--max-aliases <n>', 'most YAML alias uses per document', positiveInt)
    .action(async (paths: string[], flags) => {
      code = await runCheckCommand(paths, flags, io);
    });

  program
    .command('test')
    .description('run every rule fixture (fixtures/rules/<id>/pass|fail) against its rule')
    .option('-r, --rules <dir>', 'rules folder (repeatable); default: the bundled pack', collect)
    .option('--fixtures <dir>', 'fixtures folder (default: fixtures/rules)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
    .action(async (flags) => {
      code = await runTestCommand(flags, io);
    });

  program
    .command('rules')
    .description('list the rules of the pack, or explain one')
    .argument('[id]', 'a rule id to explain')
    .option('-r, --rules <dir>', 'rules folder (repeatable); default: the bundled pack', collect)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (id: string | undefined, flags) => {
      code = await runRulesCommand(id, flags, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || isAccordError(error)) {
      await write(io.stderr, `accord: ${error.message}\n`);
      return 2;
    }
    await write(io.stderr, `accord: internal error: ${error instanceof Error ? error.message : String(error)}\n(please report this; run with ACCORD_DEBUG=1 for details)\n`);
    if (io.env.ACCORD_DEBUG) await write(io.stderr, `${error instanceof Error ? error.stack : ''}\n`);
    return 2;
  }
}
