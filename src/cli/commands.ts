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
  /** Command lines worth copying, each with what it does. */
  examples: readonly string[];
  /** What each exit status means for this command. */
  exitCodes: readonly string[];
}

const rules = { type: 'string', short: 'r', multiple: true } as const;

export const commands: Record<'check' | 'merge' | 'test' | 'rules' | 'map' | 'schema' | 'init', CommandSpec> = {
  check: {
    summary: 'check deployment manifests (files, directories, globs, or - for stdin)',
    usage: 'accord check [paths or globs...] [options]',
    options: {
      rules,
      approvals: { type: 'string' },
      waivers: { type: 'string' },
      'terraform-mapping': { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      config: { type: 'string', short: 'c' },
      exclude: { type: 'string', multiple: true },
      discover: { type: 'boolean' },
      'stdin-format': { type: 'string' },
      evaluator: { type: 'string' },
      shard: { type: 'string' },
      'max-file-bytes': { type: 'string' },
      'max-plan-bytes': { type: 'string' },
      'max-line-bytes': { type: 'string' },
      'max-depth': { type: 'string' },
      'max-aliases': { type: 'string' },
      'max-yaml-nodes': { type: 'string' },
    },
    help: [
      '-r, --rules <dir>          rules folder (repeatable); default: the bundled partnership pack',
      '    --approvals <file>     approvals registry (JSON or YAML)',
      '    --waivers <file>       waivers file (JSON or YAML)',
      '    --terraform-mapping <file>  facts and GPU counts for Terraform plans (JSON or YAML, kind: TerraformMapping)',
      '    --as-of <date>         run date for waiver expiry (YYYY-MM-DD); default: today (UTC)',
      `-f, --format <format>      ${formatNames.join(' | ')} (default: text)`,
      '-o, --output <file>        write the report to a file; a one-line summary goes to stderr',
      '    --fail-on <level>      error | warning | never: lowest severity that fails the run (default: error)',
      '-c, --config <file>        config file (default: ./accord.config.json when present)',
      '    --exclude <glob>       exclude matching files (repeatable)',
      "    --discover             skip named files that are not accord manifests, as in a folder (for hooks)",
      `    --stdin-format <fmt>   ${inputFormats.join(' | ')}: format of stdin with - (default: detected)`,
      '    --evaluator <name>     compiled | json-rules-engine (both give identical findings)',
      '    --shard <K/N>          check only shard K of N (1 <= K <= N); combine the JSON reports with accord merge',
      '    --max-file-bytes <n>   largest JSON/YAML file read',
      '    --max-plan-bytes <n>   largest Terraform plan read (default: 256 MiB)',
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
    numbers: ['max-file-bytes', 'max-plan-bytes', 'max-line-bytes', 'max-depth', 'max-aliases', 'max-yaml-nodes'],
    examples: [
      'accord check deployments/                      every manifest under deployments/',
      'accord check .                                 every manifest in the repository; other JSON/YAML is skipped',
      'accord check                                   the "include" paths of accord.config.json',
      "accord check 'infra/**/*.yaml' --approvals policy/approvals.yaml --waivers policy/waivers.yaml",
      'accord check deployments/ -f sarif -o accord.sarif --fail-on never   a report for code scanning',
      'make-manifests | accord check -                one stream of manifests from stdin (JSON, YAML or JSONL)',
    ],
    exitCodes: [
      '0  no active (not waived) finding at or above --fail-on',
      '1  an active finding at or above --fail-on (default: error)',
      '2  a problem: a file unreadable, unparsable or failing the schema, a path matching nothing, a broken',
      '   rule, approvals, waivers or config file, or a usage error; 2 wins over 1',
    ],
  },
  merge: {
    summary: 'combine the JSON reports of accord check --shard K/N into the report of one run',
    usage: 'accord merge <report.json...> [options]',
    options: { rules, format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, 'fail-on': { type: 'string' } },
    help: [
      '-r, --rules <dir>          the rules folders the shards were checked with (repeatable); default: the bundled pack',
      `-f, --format <format>      ${formatNames.join(' | ')} (default: text)`,
      '-o, --output <file>        write the report to a file; a one-line summary goes to stderr',
      '    --fail-on <level>      error | warning | never: lowest severity that fails the run (default: error)',
    ],
    choices: { format: formatNames, 'fail-on': ['error', 'warning', 'never'] },
    numbers: [],
    examples: [
      'accord merge report-*.json                     the JSON reports of every shard, as one run',
      'accord merge report-*.json -f sarif -o accord.sarif   every shard, as one run would report it for code scanning',
    ],
    exitCodes: [
      '0  no active (not waived) finding at or above --fail-on in the merged report',
      '1  an active finding at or above --fail-on (default: error)',
      '2  a problem in any shard, a report that cannot be read, reports that are not every shard of one run',
      '   (another rule pack, date, tool version or set of files, a shard given twice or missing), or a usage error',
    ],
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
    examples: [
      'accord test                                    the bundled rules against fixtures/rules',
      'accord test --rules rules --fixtures fixtures/rules -f junit   your own pack, a JUnit report',
    ],
    exitCodes: [
      '0  every fixture gave what it expects',
      '1  a fixture mismatch, a rule without a pass and a fail fixture, or fixtures for an unknown rule',
      '2  a rule or fixture that cannot be read, or a usage error',
    ],
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
    examples: [
      'accord rules                                   the rules: id, severity, window, clause',
      'accord rules rofr-required-for-new-capacity    one rule: its conditions, fix and an example violation',
    ],
    exitCodes: ['0  printed', '2  a broken rule, an unknown rule id, or a usage error'],
  },
  map: {
    summary: 'print the deployments a Terraform plan derives to, as accord/v1 manifests (for debugging tags)',
    usage: 'accord map PLAN [options]',
    options: { 'terraform-mapping': { type: 'string' }, format: { type: 'string', short: 'f' }, 'max-plan-bytes': { type: 'string' }, 'max-depth': { type: 'string' } },
    help: [
      '    --terraform-mapping <file>  facts and GPU counts for the plan (JSON or YAML, kind: TerraformMapping)',
      '-f, --format <format>      yaml | json: YAML documents, or one JSON array (default: yaml)',
      '    --max-plan-bytes <n>   largest plan read (default: 256 MiB)',
      '    --max-depth <n>        deepest nesting',
    ],
    choices: { format: ['yaml', 'json'] },
    numbers: ['max-plan-bytes', 'max-depth'],
    examples: [
      'accord map plan.json                           the deployments accord check reads in plan.json (from terraform show)',
      'accord map plan.json --terraform-mapping policy/accord-terraform.yaml -f json > checked.json',
    ],
    exitCodes: [
      '0  printed (a plan with no partnership capacity prints nothing, and says so on stderr)',
      '2  a problem with the plan or the mapping file (printed on stderr; the other deployments are still printed), or a usage error',
    ],
  },
  schema: {
    summary: 'print a JSON Schema: deployment (the default), approvals, waivers, rule or config',
    usage: 'accord schema [deployment|approvals|waivers|rule|config] [options]',
    options: { path: { type: 'boolean' } },
    help: ['    --path                 print where the schema file is instead (for editor settings)'],
    choices: {},
    numbers: [],
    examples: [
      'accord schema > deployment.schema.json         the manifest schema, for an editor or another validator',
      'accord schema waivers --path                   where the waivers schema ships in the package',
    ],
    exitCodes: ['0  printed', '2  an unknown schema name, or a usage error'],
  },
  init: {
    summary: 'start using accord in a repository: a config, an example manifest, empty approvals and waivers',
    usage: 'accord init [folder] [options]',
    options: {},
    help: [],
    choices: {},
    numbers: [],
    examples: [
      'accord init                                    in the current folder, then: accord check',
      'accord init services/payments                  in another folder',
    ],
    exitCodes: ['0  written', '2  a file it would write already exists (it names them and writes nothing), or a usage error'],
  },
};

const indent = (lines: readonly string[]): string => lines.map((l) => `  ${l}`).join('\n');

export function commandHelp(name: keyof typeof commands): string {
  const spec = commands[name];
  return [
    `Usage: ${spec.usage}`,
    spec.summary,
    `Options:\n${indent([...spec.help, '-h, --help                 show this help'])}`,
    `Examples:\n${indent(spec.examples)}`,
    `Exit codes:\n${indent(spec.exitCodes)}`,
  ].join('\n\n') + '\n';
}

export function programHelp(version: string): string {
  const lines = Object.entries(commands).map(([name, spec]) => `${name.padEnd(8)} ${spec.summary}`);
  return [
    `accord ${version}: checks proposed cloud deployments against the terms of the compute partnership.`,
    'Usage: accord <command> [options]',
    `Commands:\n${indent(lines)}`,
    `Examples:\n${indent([
      'accord init                      a starter config, example manifest, approvals and waivers here',
      'accord check deployments/        check every manifest under deployments/',
      'accord rules <id>                what a rule checks and how to fix a finding of it',
    ])}`,
    `Exit codes (accord check):\n${indent(commands.check.exitCodes)}`,
    'Run accord <command> --help for its options, examples and exit codes; accord --version for the version.',
  ].join('\n\n') + '\n';
}
