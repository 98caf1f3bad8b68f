import type { Deployment } from '../deployment.js';
import type { SchemaIssue } from '../errors.js';
import { placeOf, type LoadEvent } from '../input/document.js';
import { identify } from '../input/manifest-identity.js';
import type { ApprovalRegistry } from '../policy/approvals.js';
import type { EngineEvaluator } from '../policy/engine-evaluator.js';
import { evaluateDeployment, type DeploymentResult } from '../policy/evaluate.js';
import { ledgerPlace, type LedgerPlace } from '../policy/ledger.js';
import type { LoadedRule } from '../policy/loaded-rule.js';
import { validate } from '../schema/validate.js';
import { validators } from '../schema/validators.js';
import type { Notice, Position, Problem } from '../types.js';
import { deploymentFacts, type DeploymentFacts } from './deployment-facts.js';

/** What a run needs to assess a deployment. */
export interface AssessContext {
  rules: readonly LoadedRule[];
  registry: ApprovalRegistry | undefined;
  /** json-rules-engine's Engine.run (`--evaluator json-rules-engine`) instead of the compiled conditions. */
  engine?: EngineEvaluator;
}

/**
 * One load event, assessed: plain data in which every position is already resolved. The run's
 * shared state (names, waivers, totals) is kept by the Collector, which takes assessments in file order.
 */
export type Assessment =
  | { problem: Problem }
  | { notice: Notice }
  | { invalid: Problem[]; issues: SchemaIssue[] }
  | {
      deployment: { name: string; file: string; start: Position; facts: DeploymentFacts };
      /** Cites an approval that no registry verifies. */
      unverifiedApproval: boolean;
      /** Its place in the capacity ledger of the approval that covers it. */
      ledger?: LedgerPlace | undefined;
      /** Its findings and the rules evaluated and skipped (id lists shared by every deployment of the same date, frozen); absent when there are no rules. */
      evaluation?: DeploymentResult | undefined;
    };

/** Validates and evaluates one deployment with the compiled conditions: the default, synchronous path. */
export function assess(event: LoadEvent, context: AssessContext): Assessment {
  const assessment = screen(event, context);
  if ('evaluation' in assessment && 'document' in event) {
    const { document } = event;
    assessment.evaluation = evaluateDeployment(document, document.value as Deployment, context.rules, context.registry);
  }
  return assessment;
}

/** The same with json-rules-engine's Engine.run: the one asynchronous evaluation. */
export async function assessWithEngine(event: LoadEvent, context: AssessContext, engine: EngineEvaluator): Promise<Assessment> {
  const assessment = screen(event, context);
  if ('evaluation' in assessment && 'document' in event) assessment.evaluation = await engine(event.document, event.document.value as Deployment);
  return assessment;
}

/**
 * Everything before evaluation: a problem, a manifest failing the schema, or a valid deployment,
 * whose `evaluation` key is there (still undefined) when there are rules to evaluate.
 */
function screen(event: LoadEvent, context: AssessContext): Assessment {
  if ('problem' in event || 'notice' in event) return event;
  const document = event.document;
  const issues = validate(validators.deployment, document.value);
  if (issues.length > 0) {
    const name = nameOf(document.value);
    // A mistyped apiVersion or kind (`acord/v1`) is said so, with what was meant, in place of the schema's "must be".
    const identity = identify(document.value);
    if (identity.is === 'near-miss') {
      const { field, message } = identity;
      issues.splice(0, issues.length, { path: field, message, segments: [field] }, ...issues.filter((issue) => issue.path !== field));
    }
    return {
      invalid: issues.map((issue) => ({
        ...placeOf(document, issue.segments),
        code: 'SCHEMA_ERROR' as const,
        path: issue.path,
        ...(name ? { deployment: name } : {}),
        message: `${issue.path || '(top level)'}: ${issue.message}`,
      })),
      issues: issues.map(({ path, message }) => ({ path, message })),
    };
  }
  const deployment = document.value as Deployment;
  const ref = { name: deployment.metadata.name, file: document.file, start: document.start, facts: deploymentFacts(deployment) };
  const unverifiedApproval = !context.registry && deployment.spec.approval !== undefined;
  const ledger = context.registry && deployment.spec.approval ? ledgerPlace(document, deployment, context.registry) : undefined;
  // Built field by field, not spread: a million-line inventory makes a million of these.
  if (context.rules.length === 0) return { deployment: ref, unverifiedApproval, ledger };
  return { deployment: ref, unverifiedApproval, ledger, evaluation: undefined };
}

function nameOf(value: unknown): string | undefined {
  const name = (value as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  return typeof name === 'string' && name.length <= 63 ? name : undefined;
}
