// The permission cases need a user whom the kernel holds to file modes. Any user but root is one,
// and the cases run as that user. Root reads anything, so as root they run as nobody: the CLI as a
// child process with nobody's uid and gid, the library in this process with its effective uid
// switched. nobody must reach every file such a run opens, and a checkout may sit where nobody
// cannot (under /root, in a `mktemp -d` folder), so the CLI runs from a copy of what it needs (bin,
// dist, rules, package.json and the runtime dependencies) in a folder nobody can enter, and the
// test folders are made there too.

import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NOBODY = { uid: 65534, gid: 65534 };

export interface TestUser {
  /** `nobody` (when the tests run as root) or the user running them. */
  name: string;
  /** A folder this user can enter, for the test folders. */
  base: string;
  /** The CLI as this user can run it. */
  cliPath: string;
  /** spawnSync options that run a child process as this user. */
  spawnAs: { uid?: number; gid?: number };
  /** Runs `fn` in this process as this user. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  cleanup(): void;
}

/** The test user, or why there is none here. */
export type TestUserOrReason = { user: TestUser } | { reason: string };

/** Gives the owner back a tree that a test locked (mode 000), for reading and removal; links are not followed. */
export function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) openUp(full);
    else if (entry.isFile()) chmodSync(full, 0o644);
  }
}

/** Switches the effective uid and gid (the real uid stays root, so the process can switch back). */
function become(uid: number, gid: number): void {
  if (uid === 0) process.seteuid!(0);
  process.setegid!(gid);
  if (uid !== 0) process.seteuid!(uid);
}

function asNobody<T>(fn: () => T): T {
  become(NOBODY.uid, NOBODY.gid);
  try {
    return fn();
  } finally {
    become(0, 0);
  }
}

/** A new folder, mode 755, that nobody can enter: under the temporary folder, or the first system one that works. */
function folderNobodyEnters(): string | undefined {
  for (const parent of new Set([os.tmpdir(), '/tmp', '/var/tmp', '/dev/shm'])) {
    let dir: string;
    try {
      dir = mkdtempSync(path.join(parent, 'accord-as-nobody-'));
      chmodSync(dir, 0o755);
    } catch {
      continue;
    }
    try {
      asNobody(() => readdirSync(dir));
      return dir;
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return undefined;
}

/** What the CLI needs at run time, copied from the checkout into `target`. */
function copyCli(repo: string, target: string): void {
  for (const entry of ['package.json', 'bin', 'dist', 'rules']) cpSync(path.join(repo, entry), path.join(target, entry), { recursive: true });
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repo, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`npm ls --omit=dev failed (exit ${listed.status}): ${listed.stderr}`);
  // The first line is the checkout itself; the rest are the runtime packages' folders.
  for (const dir of listed.stdout.split('\n').filter(Boolean).slice(1)) cpSync(dir, path.join(target, path.relative(repo, dir)), { recursive: true });
}

function nobody(repo: string): TestUserOrReason {
  if (!process.seteuid || !process.setegid) return { reason: 'running as user nobody needs a POSIX system' };
  try {
    asNobody(() => undefined);
  } catch (error) {
    return { reason: `root cannot switch to user nobody here (${(error as Error).message})` };
  }
  const base = folderNobodyEnters();
  if (!base) return { reason: `user nobody can enter none of ${os.tmpdir()}, /tmp, /var/tmp, /dev/shm` };
  const cleanup = (): void => rmSync(base, { recursive: true, force: true });
  const spawnAs = { uid: NOBODY.uid, gid: NOBODY.gid };
  const node = spawnSync(process.execPath, ['-e', ''], { ...spawnAs, encoding: 'utf8' });
  if (node.status !== 0) {
    cleanup();
    return { reason: `user nobody cannot run ${process.execPath} (${node.error?.message ?? node.stderr})` };
  }
  const copy = path.join(base, 'accord');
  copyCli(repo, copy);
  openUp(base);
  const cliPath = path.join(copy, 'bin', 'accord.cjs');
  const version = spawnSync(process.execPath, [cliPath, '--version'], { ...spawnAs, encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`the copy of the CLI does not run as nobody (exit ${version.status}): ${version.stderr}`);
  return {
    user: {
      name: 'nobody',
      base,
      cliPath,
      spawnAs,
      run: async (fn) => {
        become(NOBODY.uid, NOBODY.gid);
        try {
          return await fn();
        } finally {
          become(0, 0);
        }
      },
      cleanup,
    },
  };
}

function currentUser(repo: string): TestUserOrReason {
  const { username } = os.userInfo();
  const probe = mkdtempSync(path.join(os.tmpdir(), 'accord-mode-probe-'));
  try {
    const locked = path.join(probe, 'locked');
    writeFileSync(locked, '');
    chmodSync(locked, 0o000);
    let readable = true;
    try {
      closeSync(openSync(locked, 'r'));
    } catch {
      readable = false;
    }
    if (readable) return { reason: `user ${username} reads files whatever their mode (CAP_DAC_OVERRIDE?), so no permission can be denied` };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return { user: { name: username, base: os.tmpdir(), cliPath: path.join(repo, 'bin', 'accord.cjs'), spawnAs: {}, run: (fn) => fn(), cleanup: () => undefined } };
}

/** The user the permission cases run as, for the checkout at `repo`. */
export function findTestUser(repo: string): TestUserOrReason {
  return process.getuid?.() === 0 ? nobody(repo) : currentUser(repo);
}
