import type { ParseArgsConfig } from 'node:util';
import { formatNames, inputFormats } from '../index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec {
  summary: string;
  usage: string;
  options: Options;
  /** Help lines for the options, in order. */
  help: string[];
  /** Allowed values of options that take one of a few words. */
  choices: Record<string, readonly string[]>;
  /** Options that take a positive whole number. */
  numbers: readonly string[];
}

const rules = { type: 'string', short: 'r', multiple: true } as const;

export const commands: Record<'check' | 'test' | 'rules', CommandSpec> = {
  check: {
    summary: 'check deployment manifests (files, directories, globs, or - for stdin)',
    usage: 'accord check [paths or globs...] [options]',
    options: {
      rules,
      approvals: { type: 'string' },
      waivers: { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      config: { type: 'string', short: 'c' },
      exclude: { type: 'string', multiple: true },
      'stdin-format': { type: 'string' },
      evaluator: { type: 'string' },
      'max-file-bytes': { type: 'string' },
      'max-line-bytes': { type: 'string' },
      'max-depth': { type: 'string' },
      'max-aliases': { type: 'string' },
      'max-yaml-nodes': { type: 'string' },
    },
    help: [
      '-r, --rules <dir>          rules folder (repeatable); default: the bundled partnership pack',
      '    --approvals <file>     approvals registry (JSON or YAML)',
      '    --waivers <file>       waivers file (JSON or YAML)',
      '    --as-of <date>         run date for waiver expiry (YYYY-MM-DD); default: today (UTC)',
      `-f, --format <format>      ${formatNames.join(' | ')} (default: text)`,
      '-o, --output <file>        write the report to a file; a one-line summary goes to stderr',
      '    --fail-on <level>      error | warning | never: lowest severity that fails the run (default: error)',
      '-c, --config <file>        config file (default: ./accord.config.json when present)',
      '    --exclude <glob>       exclude matching files (repeatable)',
      `    --stdin-format <fmt>   ${inputFormats.join(' | ')}: format of stdin with - (default: detected)`,
      '    --evaluator <name>     compiled | json-rules-engine (both give identical findings)',
      '    --max-file-bytes <n>   largest JSON/YAML file read',
      '    --max-line-bytes <n>   longest JSONL line',
      '    --max-depth <n>        deepest nesting',
      '    --max-aliases <n>      most YAML alias uses per document',
      '    --max-yaml-nodes <n>   most YAML lines and flow items per file',
    ],
    choices: {
      format: formatNames,
      'fail-on': ['error', 'warning', 'never'],
      'stdin-format': inputFormats,
      evaluator: ['compiled', 'json-rules-engine'],
    },
    numbers: ['max-file-bytes', 'max-line-bytes', 'max-depth', 'max-aliases', 'max-yaml-nodes'],
  },
  test: {
    summary: 'run every rule fixture (fixtures/rules/<id>/pass|fail) against its rule',
    usage: 'accord test [options]',
    options: { rules, fixtures: { type: 'string' }, format: { type: 'string', short: 'f' } },
    help: [
      '-r, --rules <dir>          rules folder (repeatable); default: the bundled pack',
      '    --fixtures <dir>       fixtures folder (default: fixtures/rules)',
      '-f, --format <format>      text | json | junit (default: text)',
    ],
    choices: { format: ['text', 'json', 'junit'] },
    numbers: [],
  },
  rules: {
    summary: 'list the rules of the pack, or explain one',
    usage: 'accord rules [id] [options]',
    options: { rules, format: { type: 'string', short: 'f' } },
    help: [
      '-r, --rules <dir>          rules folder (repeatable); default: the bundled pack',
      '-f, --format <format>      text | json | markdown (default: text)',
    ],
    choices: { format: ['text', 'json', 'markdown'] },
    numbers: [],
  },
};

export function commandHelp(name: keyof typeof commands): string {
  const spec = commands[name];
  return `Usage: ${spec.usage}\n\n${spec.summary}\n\nOptions:\n${[...spec.help, '-h, --help                 show this help'].map((l) => `  ${l}`).join('\n')}\n`;
}

export function programHelp(version: string): string {
  const lines = Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(8)} ${spec.summary}`);
  return `accord ${version}: checks proposed cloud deployments against the terms of the compute partnership.\n\nUsage: accord <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun accord <command> --help for its options; accord --version for the version.\n`;
}
