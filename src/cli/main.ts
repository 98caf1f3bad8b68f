import { parseArgs } from 'node:util';
import { isAccordError, version } from '../index.js';
import { runCheckCommand, type CheckFlags } from './check-command.js';
import { commandHelp, commands, programHelp } from './commands.js';
import { processIo, write, type CliIo } from './io.js';
import { choiceError, commandError, optionError } from './suggest.js';
import { UsageError } from './usage-error.js';

/**
 * Runs the CLI and resolves to the exit code; the caller (bin/accord.cjs) sets it. Nothing here
 * exits the process. Arguments are parsed by Node's own util.parseArgs: a hook pays no start-up
 * for a parser library.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError || isAccordError(error)) {
      await write(io.stderr, `accord: ${error.message}\n`);
      return 2;
    }
    await write(io.stderr, `accord: internal error: ${error instanceof Error ? error.message : String(error)}\n(please report this; run with ACCORD_DEBUG=1 for details)\n`);
    if (io.env.ACCORD_DEBUG) await write(io.stderr, `${error instanceof Error ? error.stack : ''}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '-v' || name === '--version') return write(io.stdout, `${version}\n`).then(() => 0);
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    await write(name === undefined ? io.stderr : io.stdout, programHelp(version));
    return name === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(commands, name)) throw commandError(name, Object.keys(commands));
  const command = name as keyof typeof commands;
  // Only an option asks for help: after `--`, `-h` is a path to check, and skipping it would pass.
  const end = rest.indexOf('--');
  const options = end === -1 ? rest : rest.slice(0, end);
  if (options.includes('-h') || options.includes('--help')) return write(io.stdout, commandHelp(command)).then(() => 0);
  const { values, positionals } = parse(command, rest);

  if (command === 'check') return runCheckCommand(positionals, checkFlags(values), io);
  if (command === 'merge') {
    const { runMergeCommand } = await import('./merge-command.js');
    const text = (key: string): string | undefined => values[key] as string | undefined;
    return runMergeCommand(positionals, { rules: values.rules as string[] | undefined, format: text('format'), output: text('output'), failOn: text('fail-on') }, io);
  }
  const format = values.format as never;
  const rules = values.rules as string[] | undefined;
  // `test` and `rules` are loaded only when asked for: every hook run is a `check`.
  if (command === 'test') {
    if (positionals.length > 0) throw new UsageError(`accord test takes no paths (got "${positionals[0]}"); use --fixtures DIR`);
    const { runTestCommand } = await import('./test-command.js');
    return runTestCommand({ rules, fixtures: values.fixtures as string | undefined, format: format ?? 'text' }, io);
  }
  if (command === 'map') {
    if (positionals.length !== 1) throw new UsageError('accord map takes one plan file (the JSON of `terraform show -json plan.out`)');
    const { runMapCommand } = await import('./map-command.js');
    const limits = { maxPlanBytes: values['max-plan-bytes'] as number | undefined, maxDepth: values['max-depth'] as number | undefined };
    return runMapCommand(positionals[0] as string, { terraformMapping: values['terraform-mapping'] as string | undefined, format: format ?? 'yaml', limits }, io);
  }
  if (command === 'schema' || command === 'init') {
    if (positionals.length > 1) throw new UsageError(`accord ${command} takes at most one ${command === 'schema' ? 'schema name' : 'folder'}`);
    if (command === 'init') return (await import('./init-command.js')).runInitCommand(positionals[0], io);
    return (await import('./schema-command.js')).runSchemaCommand(positionals[0], { path: values.path === true }, io);
  }
  if (positionals.length > 1) throw new UsageError('accord rules takes at most one rule id');
  const { runRulesCommand } = await import('./rules-command.js');
  return runRulesCommand(positionals[0], { rules, format: format ?? 'text' }, io);
}

function parse(command: keyof typeof commands, args: string[]): { values: Record<string, unknown>; positionals: string[] } {
  const spec = commands[command];
  args.forEach((arg, i) => {
    const next = args[i + 1];
    // parseArgs calls `--max-depth -5` ambiguous; the useful answer is what the value must be.
    if (arg.startsWith('--') && spec.numbers.includes(arg.slice(2)) && next?.startsWith('-')) {
      throw new UsageError(`${arg} must be a positive whole number (got "${next}")`);
    }
  });
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw optionError(error, command, args, spec.options);
  }
  const values = parsed.values as Record<string, unknown>;
  for (const [option, allowed] of Object.entries(spec.choices)) {
    const value = values[option];
    if (value !== undefined && !allowed.includes(value as string)) throw choiceError(`--${option}`, String(value), allowed);
  }
  for (const option of spec.numbers) {
    const value = values[option];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) {
      throw new UsageError(`--${option} must be a positive whole number (got "${String(value)}")`);
    }
    values[option] = Number(value);
  }
  return { values, positionals: parsed.positionals };
}

function checkFlags(values: Record<string, unknown>): CheckFlags {
  const text = (key: string): string | undefined => values[key] as string | undefined;
  const number = (key: string): number | undefined => values[key] as number | undefined;
  return {
    rules: values.rules as string[] | undefined,
    approvals: text('approvals'),
    waivers: text('waivers'),
    terraformMapping: text('terraform-mapping'),
    asOf: text('as-of'),
    format: text('format'),
    output: text('output'),
    failOn: text('fail-on'),
    config: text('config'),
    exclude: values.exclude as string[] | undefined,
    discover: values.discover === true,
    stdinFormat: text('stdin-format'),
    evaluator: text('evaluator'),
    shard: text('shard'),
    maxFileBytes: number('max-file-bytes'),
    maxPlanBytes: number('max-plan-bytes'),
    maxLineBytes: number('max-line-bytes'),
    maxDepth: number('max-depth'),
    maxAliases: number('max-aliases'),
    maxYamlNodes: number('max-yaml-nodes'),
  };
}
