import type { Limits } from '../../types.js';
import type { LoadEvent } from '../document.js';
import type { LoadedMapping } from '../terraform/plan-events.js';

/** What a run gives every loader besides the text: inputs some kinds read beside it. */
export interface LoadContext {
  /** The Terraform mapping file (`--terraform-mapping`), for plans. */
  terraformMapping?: LoadedMapping;
}

/** Turns a whole text into its load events: documents with positions, problems, or notices. */
export type LoadText = (text: string, file: string, limits: Limits, context?: LoadContext) => LoadEvent[];

interface KindBase {
  /** What `--stdin-format` and `checkStream({ format })` call it. */
  readonly name: string;
  /** Extensions (lower case, no dot) of its files: a file is read by the kinds its extension names. */
  readonly extensions: readonly string[];
  /**
   * Whether a text is of this kind, by its content: asked in registry order for stdin and for a
   * file whose extension several kinds share. It runs on every such input, so it looks at the
   * text before it parses any of it. For stdin the text is decoded leniently, for this only.
   */
  detect(text: string): boolean;
  /**
   * Whether a file of this kind found in a folder walk may be another tool's (any JSON or YAML file
   * is): its documents that are plainly not accord manifests are then skipped and counted
   * (`input/screen-foreign.ts`). Absent means every document must be a manifest: a kind claimed by
   * its content (a Terraform plan, detected before `json`) or an inventory (JSONL) is never skipped.
   */
  readonly mayBeForeign?: true;
}

/** A kind read whole (up to maxFileBytes), then parsed. */
export interface WholeTextKind extends KindBase {
  readonly reads: 'whole';
  /** A text cut short never parses as this kind, so a file's first short read may be taken for all of it. */
  readonly cutTextFails: boolean;
  /** The kind's loader; asynchronous only so that a parser can be imported on first use. */
  loader(): Promise<LoadText>;
}

/** A kind read as a stream, a batch of events at a time, in bounded memory. */
export interface StreamKind extends KindBase {
  readonly reads: 'stream';
  load(chunks: AsyncIterable<Uint8Array>, file: string, limits: Limits): AsyncIterable<LoadEvent[]>;
}

export type InputKind = WholeTextKind | StreamKind;
