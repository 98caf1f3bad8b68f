import type { Limits } from '../input/limits.js';
import type { Approval } from '../policy/approvals.js';
import type { PlainRule } from '../policy/hydrate-rule.js';
import type { Assessment } from './assess.js';
import type { BatchPlan } from './assess-files.js';

/** What a worker thread is started with: plain data only (no functions cross threads). */
export interface WorkerInput {
  plan: BatchPlan;
  rules: PlainRule[];
  registry: [string, Approval][] | undefined;
  evaluator: 'compiled' | 'json-rules-engine';
  limits: Limits;
}

export type WorkerMessage = { batch: number; result: Assessment[][] } | { done: true };
