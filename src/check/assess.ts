import type { Deployment } from '../deployment.js';
import type { LoadEvent } from '../input/document.js';
import type { ApprovalRegistry } from '../policy/approvals.js';
import { evaluateDeployment, type Evaluator } from '../policy/evaluate.js';
import type { LoadedRule } from '../policy/loaded-rule.js';
import { validate } from '../schema/validate.js';
import { validators } from '../schema/validators.js';
import type { Finding, Position, Problem } from '../types.js';

/** What a run needs to assess a deployment: the same on the main thread and in a worker. */
export interface AssessContext {
  rules: readonly LoadedRule[];
  evaluator: Evaluator;
  registry: ApprovalRegistry | undefined;
}

/**
 * One load event, assessed: plain data (it crosses from worker threads to the main thread), in
 * which every position is already resolved. The run's shared state (names, waivers, totals) is
 * kept by the Collector, which takes assessments in file order.
 */
export type Assessment =
  | { problem: Problem }
  | { invalid: Problem[] }
  | {
      deployment: { name: string; file: string; start: Position };
      /** Cites an approval that no registry verifies. */
      unverifiedApproval: boolean;
      /** Rule ids, shared by every deployment of the same date (frozen). */
      evaluation?: { findings: Finding[]; evaluated: readonly string[]; skipped: readonly string[] };
    };

/** Validates and evaluates one deployment; synchronous with the compiled evaluator. */
export function assess(event: LoadEvent, context: AssessContext): Assessment | Promise<Assessment> {
  if ('problem' in event) return event;
  const document = event.document;
  const issues = validate(validators.deployment, document.value);
  if (issues.length > 0) {
    const name = nameOf(document.value);
    return {
      invalid: issues.map((issue) => ({
        file: document.file,
        ...document.locate(issue.segments),
        code: 'SCHEMA_ERROR' as const,
        path: issue.path,
        ...(name ? { deployment: name } : {}),
        message: `${issue.path || '(top level)'}: ${issue.message}`,
      })),
    };
  }
  const deployment = document.value as Deployment;
  const ref = { name: deployment.metadata.name, file: document.file, start: document.start };
  const unverifiedApproval = !context.registry && deployment.spec.approval !== undefined;
  if (context.rules.length === 0) return { deployment: ref, unverifiedApproval };
  // Built field by field, not spread: a million-line inventory makes a million of these.
  const evaluation = evaluateDeployment(document, deployment, context.rules, context.evaluator, context.registry);
  if (!(evaluation instanceof Promise)) return { deployment: ref, unverifiedApproval, evaluation };
  return evaluation.then((result) => ({ deployment: ref, unverifiedApproval, evaluation: result }));
}

function nameOf(value: unknown): string | undefined {
  const name = (value as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  return typeof name === 'string' && name.length <= 63 ? name : undefined;
}
