// A worker thread of a parallel run (src/check/parallel.ts): it rebuilds the policy from plain
// data, then claims and assesses batches of files until none is left, posting each batch back.
import { parentPort, workerData } from 'node:worker_threads';
import { compiledEvaluator } from '../policy/compiled-evaluator.js';
import { hydrateRule } from '../policy/hydrate-rule.js';
import { assessBatches } from './assess-files.js';
import type { WorkerInput, WorkerMessage } from './worker-protocol.js';

const input = workerData as WorkerInput;
const port = parentPort as NonNullable<typeof parentPort>;
const rules = input.rules.map(hydrateRule);
const evaluator = input.evaluator === 'json-rules-engine' ? (await import('../policy/engine-evaluator.js')).createEngineEvaluator(rules) : compiledEvaluator;
const registry = input.registry ? new Map(input.registry) : undefined;
await assessBatches(input.plan, { rules, evaluator, registry }, input.limits, (batch, result) => port.postMessage({ batch, result } satisfies WorkerMessage));
port.postMessage({ done: true } satisfies WorkerMessage);
