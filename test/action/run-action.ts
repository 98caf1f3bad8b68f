// Runs action.yml's steps the way the Actions runner runs a composite action, on this machine:
// inputs and step outputs substituted into env, each `run` script through the runner's own bash
// command line with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH and RUNNER_TEMP set.
// `uses` steps are not run; what they would have been given is recorded. npm is a stand-in on
// PATH (tests reach no registry): it records its arguments and links the accord of this checkout
// where `npm install --prefix` would have put the published one.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { plainEnv, repo } from '../cli/run-cli.js';

export interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  shell?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionFile {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export const actionFile = path.join(repo, 'action.yml');

export function loadAction(): ActionFile {
  return parse(readFileSync(actionFile, 'utf8'), { uniqueKeys: true, strict: true }) as ActionFile;
}

type Context = { inputs: Record<string, string>; steps: Record<string, { outputs: Record<string, string>; outcome: string }> };

/**
 * The step conditions action.yml uses, written out in JavaScript. A condition not listed here
 * fails the run, so a changed `if:` cannot go untested.
 */
export const conditions: Record<string, (c: Context, failed: boolean) => boolean> = {
  "${{ inputs.upload-sarif == 'true' }}": (c, failed) => !failed && c.inputs['upload-sarif'] === 'true',
  "${{ !cancelled() && steps.sarif.outputs.file != '' }}": (c) => (c.steps.sarif?.outputs.file ?? '') !== '',
  "${{ !cancelled() && steps.install.outputs.bin != '' }}": (c) => (c.steps.install?.outputs.bin ?? '') !== '',
};

/** `${{ inputs.x }}` and `${{ steps.id.outputs.y }}`: the only expressions action.yml may put in values. */
export function substitute(value: string, context: Context): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (whole, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return context.inputs[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return context.steps[output[1]!]?.outputs[output[2]!] ?? '';
    throw new Error(`action.yml: an expression the test runner does not know: ${whole}`);
  });
}

export interface StepRun {
  step: ActionStep;
  ran: boolean;
  status?: number | null;
  stdout?: string;
  stderr?: string;
  /** For a `uses` step that would have run: its `with`, substituted. */
  with?: Record<string, string>;
}

export interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
  summary: string;
  npmCalls: string[][];
  failed: boolean;
}

/** Runs the action in `workspace` (the checked-out repository) with `inputs`; `temp` is a fresh folder for the runner's files. */
export function runAction(action: ActionFile, workspace: string, temp: string, inputs: Record<string, string>): ActionRun {
  const context: Context = { inputs: {}, steps: {} };
  for (const [name, spec] of Object.entries(action.inputs)) context.inputs[name] = inputs[name] ?? spec.default ?? '';
  const runnerTemp = path.join(temp, 'runner-temp');
  const fakeBin = path.join(temp, 'fake-bin');
  mkdirSync(runnerTemp, { recursive: true });
  mkdirSync(fakeBin, { recursive: true });
  const npmLog = path.join(temp, 'npm-calls.jsonl');
  writeFileSync(npmLog, '');
  const summaryFile = path.join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  writeFakeNpm(fakeBin, npmLog);

  const runs: StepRun[] = [];
  let failed = false;
  action.runs.steps.forEach((step, index) => {
    if (step.if !== undefined) {
      const condition = conditions[step.if];
      if (!condition) throw new Error(`action.yml: a condition the test runner does not know: ${step.if}`);
      if (!condition(context, failed)) {
        runs.push({ step, ran: false });
        if (step.id) context.steps[step.id] = { outputs: {}, outcome: 'skipped' };
        return;
      }
    } else if (failed) {
      runs.push({ step, ran: false });
      return;
    }
    if (step.uses !== undefined) {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), context)]));
      runs.push({ step, ran: true, with: given });
      return;
    }
    const outputFile = path.join(temp, `output-${index}`);
    writeFileSync(outputFile, '');
    const script = path.join(temp, `step-${index}.sh`);
    writeFileSync(script, step.run ?? '');
    const env: Record<string, string> = {
      PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: repo,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(String(value), context);
    const cwd = path.resolve(workspace, substitute(step['working-directory'] ?? '.', context));
    // `shell: bash` is run as `bash --noprofile --norc -eo pipefail {0}`.
    if (step.shell !== 'bash') throw new Error(`step ${index}: shell ${String(step.shell)} is not bash`);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: plainEnv(env), encoding: 'utf8', timeout: 120_000 });
    const outputs = parseOutputs(readFileSync(outputFile, 'utf8'));
    if (step.id) context.steps[step.id] = { outputs, outcome: result.status === 0 ? 'success' : 'failure' };
    if (result.status !== 0) failed = true;
    runs.push({ step, ran: true, status: result.status, stdout: result.stdout, stderr: result.stderr });
  });

  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, spec]) => [name, substitute(spec.value, context)]));
  const npmCalls = readFileSync(npmLog, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as string[]);
  return { steps: runs, outputs, summary: readFileSync(summaryFile, 'utf8'), npmCalls, failed };
}

/** `name=value` lines (the runner also takes `name<<EOF` blocks; action.yml writes none). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

function writeFakeNpm(dir: string, log: string): void {
  const npm = path.join(dir, 'npm');
  writeFileSync(
    npm,
    [
      '#!/usr/bin/env node',
      "const fs = require('node:fs'); const path = require('node:path');",
      'const args = process.argv.slice(2);',
      `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');`,
      "const prefix = args[args.indexOf('--prefix') + 1];",
      "if (args[0] !== 'install' || !prefix) process.exit(1);",
      "fs.mkdirSync(path.join(prefix, 'node_modules', '.bin'), { recursive: true });",
      `fs.symlinkSync(${JSON.stringify(path.join(repo, 'bin', 'accord.cjs'))}, path.join(prefix, 'node_modules', '.bin', 'accord'));`,
      '',
    ].join('\n'),
  );
  chmodSync(npm, 0o755);
}
