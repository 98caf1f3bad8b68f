import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Where the CLI writes: a Node stream, or any object that writes text and calls back. */
export interface Output {
  write(text: string, callback?: (error?: Error | null) => void): unknown;
  isTTY?: boolean;
}

/** The CLI's only contact with the process: output streams and the environment. */
export interface CliIo {
  stdout: Output;
  stderr: Output;
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CliIo {
  // Node builds a stdio stream when it is first asked for, and building one loads its stream
  // modules: stdout is written with plain write(2) calls instead, and stderr and stdin are only
  // asked for by a run that uses them.
  return {
    stdout: fdOutput(1),
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Blocking writes to a file descriptor, as Node's own stdout does for files and, on Linux, pipes.
 * When the reader has gone (`accord check … | head`), the rest of the output is dropped quietly:
 * the exit code still tells the result.
 */
function fdOutput(fd: number): Output {
  let closed = false;
  return {
    get isTTY() {
      // Only a character device can be a terminal; Node's tty module (which loads its net module) is asked only then.
      return fstatSync(fd).isCharacterDevice() && (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
    },
    write(text, callback) {
      try {
        if (!closed) writeAll(fd, Buffer.from(text, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') {
          callback?.(error as Error);
          return false;
        }
        closed = true;
      }
      callback?.(null);
      return true;
    },
  };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      // A descriptor its owner made non-blocking answers EAGAIN while the reader catches up.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/** Colour only on a terminal, never with NO_COLOR; FORCE_COLOR forces it. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function write(stream: Output, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
