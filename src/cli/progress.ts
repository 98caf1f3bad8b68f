import type { CliIo } from './io.js';

/**
 * Progress on stderr for runs longer than about a second, and only on an interactive terminal:
 * never in CI logs or when stderr is piped.
 */
export function createProgress(io: CliIo): { update(p: { files: number; deployments: number }): void; done(): void } {
  const started = Date.now();
  const delay = Number(io.env.ACCORD_PROGRESS_DELAY_MS ?? 1000);
  // Asked once the delay has passed: a short run never touches stderr.
  let enabled: boolean | undefined;
  let shown = false;
  let last = 0;
  return {
    update({ files, deployments }) {
      if (enabled === false) return;
      const now = Date.now();
      if (now - started < delay || now - last < 100) return;
      enabled ??= io.stderr.isTTY === true && !io.env.CI && io.env.TERM !== 'dumb';
      if (!enabled) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2Kaccord: checked ${files} file${files === 1 ? '' : 's'}, ${deployments} deployment${deployments === 1 ? '' : 's'}…`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
