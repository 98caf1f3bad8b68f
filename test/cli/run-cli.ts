import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin', 'accord.cjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a plain, non-CI shell: no CI or colour variables, plus NO_COLOR=1 unless `env` says otherwise. */
export function plainEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(CI|CONTINUOUS_INTEGRATION|BUILD_NUMBER|RUN_ID|GITHUB_.*|GITLAB_.*|BUILDKITE.*|CIRCLECI|TRAVIS.*|JENKINS.*|TF_BUILD|FORCE_COLOR|NO_COLOR|ACCORD_.*|VITEST.*|NODE_OPTIONS)$/.test(key)) continue;
    clean[key] = value;
  }
  const merged: NodeJS.ProcessEnv = { ...clean, NO_COLOR: '1', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged;
}

/** Runs `node bin/accord.cjs …` (the built CLI: `npm test` builds dist/ first). */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repo,
    input: options.input ?? '',
    env: plainEnv(options.env),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const noStackTrace = (stderr: string): boolean => !/\n\s+at /.test(stderr) && !stderr.includes('    at ');

export const ansi = /\u001b\[/;
