import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileKind } from '../input/file-kind.js';
import type { FoundFile } from '../input/find-files.js';
import { plainRule } from '../policy/hydrate-rule.js';
import type { Notice } from '../types.js';
import type { Assessment } from './assess.js';
import { assessBatch, assessBatches, type BatchPlan } from './assess-files.js';
import type { Collector } from './collector.js';
import type { CheckContext } from './run-check.js';
import type { WorkerInput, WorkerMessage } from './worker-protocol.js';

/** `off` (one thread), `auto`, or the number of threads that check files (the main thread is one). */
export type Concurrency = number | 'auto' | 'off';

/** Below this many files per thread, starting a worker (about 100 ms) costs more than it saves. */
const AUTO_MIN_FILES_PER_THREAD = 500;
const AUTO_MAX_THREADS = 4;

/**
 * How many threads check `files`. `auto` uses half the cores, as ESLint's --concurrency auto does:
 * V8's garbage collector and compiler run on threads of their own, and on the 2-core benchmark VM
 * a second checking thread made a 10,000-file run slower (file reads contend; see bench/README.md).
 * JSONL files are streamed in bounded memory, on the main thread alone.
 */
export function threadCount(concurrency: Concurrency | undefined, files: readonly FoundFile[], cores = availableParallelism()): number {
  if (concurrency === undefined || concurrency === 'off' || files.length < 2) return 1;
  const wanted =
    concurrency === 'auto' ? Math.max(1, Math.min(Math.floor(cores / 2), AUTO_MAX_THREADS, Math.floor(files.length / AUTO_MIN_FILES_PER_THREAD))) : Math.min(concurrency, files.length);
  // Asked only when threads are wanted: it looks at every file.
  if (wanted > 1 && files.some((f) => fileKind(f.path) === 'jsonl')) return 1;
  return wanted;
}

/**
 * Checks files on `threads` threads: the main thread and worker threads claim batches of files
 * from a shared counter, and the batches are then recorded in file order, so the report is the one
 * a single thread makes. A batch that a failed worker claimed is assessed on the main thread.
 */
export async function checkInParallel(
  context: CheckContext,
  files: readonly FoundFile[],
  threads: number,
  collector: Collector,
  onProgress?: (progress: { files: number; deployments: number }) => void,
): Promise<Notice[]> {
  const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (threads * 8))));
  const plan: BatchPlan = { files, batchSize, batches: Math.ceil(files.length / batchSize), shared: new SharedArrayBuffer(12) };
  const counters = new Int32Array(plan.shared);
  const results: (Assessment[][] | undefined)[] = new Array(plan.batches);
  const input: WorkerInput = {
    plan,
    rules: context.rules.map(plainRule),
    registry: context.registry ? [...context.registry] : undefined,
    evaluator: context.evaluatorName,
    limits: context.limits,
  };
  const failures: string[] = [];
  const workers = Array.from({ length: threads - 1 }, () => runWorker(input, results, failures));
  // A small run can be over before a worker has started (about 100 ms): tests that must see workers
  // take batches set ACCORD_TEST_WORKERS_FIRST, and the main thread waits for each worker's first batch.
  if (process.env.ACCORD_TEST_WORKERS_FIRST) await Promise.all(workers.map((w) => w.firstBatch));
  await assessBatches(plan, context, context.limits, (batch, result) => {
    results[batch] = result;
    onProgress?.({ files: Atomics.load(counters, 1), deployments: Atomics.load(counters, 2) });
  });
  await Promise.all(workers.map((w) => w.finished));
  for (let batch = 0; batch < plan.batches; batch++) {
    for (const file of results[batch] ?? (await assessBatch(plan, batch, context, context.limits))) {
      collector.files++;
      for (const assessment of file) collector.record(assessment);
    }
  }
  if (failures.length === 0) return [];
  return [{ code: 'WORKER_FAILED', message: `a worker thread failed (${failures[0]}); its files were checked on the main thread, so the report is complete` }];
}

/**
 * `finished` resolves when the worker has assessed its last batch, or has failed (its claimed
 * batches are then missing); `firstBatch` when it has posted a batch, finished or failed.
 */
function runWorker(input: WorkerInput, results: (Assessment[][] | undefined)[], failures: string[]): { finished: Promise<void>; firstBatch: Promise<void> } {
  let batchPosted = (): void => {};
  const firstBatch = new Promise<void>((resolve) => {
    batchPosted = resolve;
  });
  const finished = new Promise<void>((resolve) => {
    const end = (): void => {
      batchPosted();
      resolve();
    };
    let worker: Worker;
    try {
      worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: input });
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      end();
      return;
    }
    let done = false;
    worker.on('message', (message: WorkerMessage) => {
      if ('batch' in message) {
        results[message.batch] = message.result;
        batchPosted();
      } else {
        done = true;
        end();
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      failures.push(error.message);
      end();
    });
    worker.on('exit', (code) => {
      if (!done && code !== 0) failures.push(`exit code ${code}`);
      end();
    });
  });
  return { finished, firstBatch };
}
