import type { PathSegment } from '../../path.js';
import type { NoticeCode, ProblemCode } from '../../types.js';

/** Problems a plan can have (each makes a run exit 2); the codes are the design's, listed once in the report's codes. */
export type PlanProblemCode = Extract<ProblemCode, `TF_${string}` | 'MAPPING_ERROR'>;

export type PlanNoticeCode = Extract<NoticeCode, `TF_${string}`>;

/**
 * Where a value came from: an RFC 6901 pointer into the plan, or into the mapping file when `file`
 * is set, and the address of the resource instance the pointer is inside.
 */
export interface Origin {
  pointer: string;
  resource?: string;
  /** Set when the pointer is into the mapping file rather than the plan. */
  file?: string;
}

export interface PlanProblem extends Origin {
  code: PlanProblemCode;
  /** What is wrong and how to fix it. */
  message: string;
  /** The deployment it concerns, when one is known. */
  deployment?: string;
}

export interface PlanNotice {
  code: PlanNoticeCode;
  message: string;
  pointer?: string;
  resource?: string;
  file?: string;
  deployment?: string;
}

/** One deployment derived from a plan: an accord/v1 manifest as derived, before schema validation. */
export interface DerivedDeployment {
  name: string;
  manifest: Record<string, unknown>;
  /** Addresses of the member resource instances, sorted. */
  members: string[];
  /** Manifest fields whose values come from sensitive plan values: used, never to be shown (dotted paths). */
  sensitive: string[];
  /** Where a manifest field came from; a field that does not exist answers for its nearest existing ancestor. */
  origin(segments: readonly PathSegment[]): Origin;
}

export interface PlanResult {
  deployments: DerivedDeployment[];
  problems: PlanProblem[];
  notices: PlanNotice[];
}

/** Facts in manifest shape, as the mapping file gives them per resource or per deployment. */
export interface MappingFacts {
  workload?: string;
  date?: string;
  capacity?: { kind?: string };
  approval?: { reference?: string };
  rofr?: { reference?: string; offeredOn?: string; decision?: string };
  revenueShare?: { metered?: boolean };
  ipAccess?: { microsoft?: boolean };
  endpoints?: { url: string; hostedOn: string; public?: boolean }[];
  provider?: string;
}

export interface MappingResource extends MappingFacts {
  /** Glob over the instance address: `*` any run without `.`, `**` any run, everything else literal. */
  match: string;
  deployment?: string;
  /** The resource's total GPUs, where the plan cannot size it. */
  gpus?: number;
}

/** A mapping file (`kind: TerraformMapping`), validated by schemas/terraform-mapping.schema.json. */
export interface MappingValue {
  apiVersion: 'accord/v1';
  kind: 'TerraformMapping';
  resources?: MappingResource[];
  deployments?: Record<string, MappingFacts>;
  /** GPUs per instance for SKUs the shipped table lacks. */
  skus?: Record<string, number>;
}

export interface DeploymentsFromPlanOptions {
  mapping?: MappingValue;
  /** The plan's display path, for the manifests' annotations. */
  file?: string;
  /** The mapping file's display path, for origins and problems that point into it. */
  mappingFile?: string;
}
