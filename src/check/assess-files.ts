import type { FoundFile } from '../input/find-files.js';
import type { Limits } from '../input/limits.js';
import { openFile, type LoadedSource } from '../input/load-source.js';
import { assess, type AssessContext, type Assessment } from './assess.js';

/**
 * Assesses every deployment (or problem) of one source, in order, handing each to `sink`. A file
 * read whole is walked without an await per event, as a JSONL stream cannot be.
 */
export async function assessSource(loaded: LoadedSource, context: AssessContext, sink: (assessment: Assessment) => void): Promise<void> {
  const events = loaded instanceof Promise ? await loaded : loaded;
  if (Array.isArray(events)) {
    for (const event of events) {
      const assessment = assess(event, context);
      sink(assessment instanceof Promise ? await assessment : assessment);
    }
    return;
  }
  for await (const event of events) {
    const assessment = assess(event, context);
    sink(assessment instanceof Promise ? await assessment : assessment);
  }
}

async function assessFile(file: FoundFile, context: AssessContext, limits: Limits): Promise<Assessment[]> {
  const out: Assessment[] = [];
  await assessSource(openFile(file.path, file.file, limits), context, (assessment) => out.push(assessment));
  return out;
}

/** A run split into batches of files that threads claim one at a time from a shared counter. */
export interface BatchPlan {
  files: readonly FoundFile[];
  batchSize: number;
  batches: number;
  /** Int32 slots: [next batch to claim, files assessed, deployments assessed]. */
  shared: SharedArrayBuffer;
}

export async function assessBatch(plan: BatchPlan, batch: number, context: AssessContext, limits: Limits): Promise<Assessment[][]> {
  const out: Assessment[][] = [];
  const end = Math.min(plan.files.length, (batch + 1) * plan.batchSize);
  for (let i = batch * plan.batchSize; i < end; i++) out.push(await assessFile(plan.files[i] as FoundFile, context, limits));
  return out;
}

/** Claims and assesses batches until none is left; every thread of a run calls this. */
export async function assessBatches(plan: BatchPlan, context: AssessContext, limits: Limits, onBatch: (batch: number, result: Assessment[][]) => void): Promise<void> {
  const counters = new Int32Array(plan.shared);
  for (let batch = Atomics.add(counters, 0, 1); batch < plan.batches; batch = Atomics.add(counters, 0, 1)) {
    const result = await assessBatch(plan, batch, context, limits);
    Atomics.add(counters, 1, result.length);
    Atomics.add(counters, 2, result.reduce((n, file) => n + file.filter((a) => !('problem' in a)).length, 0));
    onBatch(batch, result);
  }
}
