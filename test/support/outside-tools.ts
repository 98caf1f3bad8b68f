// A few tests need a program from outside Node: mkfifo (a FIFO), script (a terminal), git and the
// real pre-commit. Where one is missing they skip and say why in one line; CI sets
// ACCORD_REQUIRE_TOOLS=1 (.ci/run), which turns every such skip into a failure.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Every outside program the suite runs, and where it comes from. */
const TOOLS = {
  mkfifo: 'coreutils',
  script: 'util-linux; Debian: apt-get install -y bsdutils',
  git: 'apt-get install -y git',
  'pre-commit': 'apt-get install -y pre-commit',
} as const;

const reported = new Set<string>();

/**
 * The reason some tests cannot run here, printed once per test file; with ACCORD_REQUIRE_TOOLS=1 it
 * throws instead, so the test (or, at collection, its whole file) fails.
 */
export function cannotRun(reason: string): string {
  if (process.env.ACCORD_REQUIRE_TOOLS === '1') throw new Error(`${reason}; ACCORD_REQUIRE_TOOLS=1 makes this a failure, not a skip`);
  if (!reported.has(reason)) console.warn(`skipped: ${reason}`);
  reported.add(reason);
  return reason;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Why tests that run `command` cannot run here (undefined when it is on PATH): for `it.skipIf` and `describe.skipIf`. */
export function missingTool(command: keyof typeof TOOLS): string | undefined {
  return onPath(command) ? undefined : cannotRun(`${command} is not installed (${TOOLS[command]})`);
}
