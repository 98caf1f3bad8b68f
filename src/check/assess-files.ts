import type { FilePart } from '../input/load-source.js';
import { assess, assessWithEngine, type AssessContext, type Assessment } from './assess.js';

export interface FileSink {
  assessment(assessment: Assessment): void;
  /** Documents of a file skipped as another tool's. */
  skipped?(file: string, documents: number): void;
  /** After the last assessment of each file. */
  fileDone(): void;
}

/**
 * Assesses every deployment (or problem) of a source (files or a stream), in order, handing each
 * to `sink`. The loop suspends once per group of parts the source gives, never per file or event
 * with the compiled conditions (an await per file made a 10,000-file run about 35 ms slower); only
 * json-rules-engine (`context.engine`) is awaited, per deployment.
 */
export async function assessSource(source: AsyncIterable<readonly FilePart[]>, context: AssessContext, sink: FileSink): Promise<void> {
  const { engine } = context;
  for await (const parts of source) {
    for (const part of parts) {
      if (part.skipped) sink.skipped?.(part.skipped.file, part.skipped.documents);
      for (const event of part.events) sink.assessment(engine ? await assessWithEngine(event, context, engine) : assess(event, context));
      if (part.fileEnds) sink.fileDone();
    }
  }
}
