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
  // stderr and stdin are only asked for by a run that uses them: making a stdio stream loads Node's stream modules.
  return {
    stdout: quietWhenClosed(process.stdout),
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
 * process.stdout, except that once the reader has gone (`accord check … | head`) the rest of the
 * output is dropped quietly: the exit code still tells the result. (Writes to files and pipes are
 * synchronous on Linux, and the process ends only when the last write is done, so a large report
 * arrives whole however slowly it is read.)
 */
function quietWhenClosed(stream: NodeJS.WriteStream): Output {
  let closed = false;
  // The error also reaches the write's callback; without a listener it would be thrown as well.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
  });
  return {
    get isTTY() {
      return stream.isTTY;
    },
    write(text, callback) {
      if (closed) {
        callback?.(null);
        return true;
      }
      return stream.write(text, (error) => {
        if ((error as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE') closed = true;
        callback?.(closed ? null : error);
      });
    },
  };
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
