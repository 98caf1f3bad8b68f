import { createReadStream } from 'node:fs';
import type { Limits, Problem } from '../types.js';
import type { LoadEvent } from './document.js';
import type { FoundFile } from './find-files.js';
import type { InputKind, LoadContext, LoadText, StreamKind, WholeTextKind } from './kinds/kind.js';
import { chooseKind, inputKinds, kindsForPath } from './kinds/registry.js';
import { startsLikePlanBytes } from './kinds/sniff.js';
import { decodeText, loadText, readTextFile } from './load-text-file.js';
import { notManifests, screenForeign } from './screen-foreign.js';
import { isBinaryPlan } from './terraform/detect.js';
import { binaryPlanEvent } from './terraform/plan-events.js';

/** The load events of a file, or of part of a streamed one; `fileEnds` on its last part. */
export interface FilePart {
  events: readonly LoadEvent[];
  fileEnds: boolean;
  /** Documents of the file skipped as another tool's (`screenForeign`). */
  skipped?: { file: string; documents: number };
}

export interface LoadOptions {
  /** Screen the files named themselves too, as a pre-commit hook's are (`--discover`). */
  discover?: boolean;
  /** What a kind needs beyond the text (a Terraform plan: the mapping file). */
  context?: LoadContext;
}

/** Whole files read ahead at a time: up to this many, */
const GROUP_FILES = 64;
/** or until this much text is held. */
const GROUP_CHARS = 4 * 1024 * 1024;
const STREAM_CHUNK_BYTES = 256 * 1024;

/**
 * Loads `files` in order, a group at a time. Whole files go through in groups, one stage at a time
 * (read every file of the group, then parse them): on the benchmark VM a 10,000-file check ran about
 * a fifth faster than when each file went through every stage in turn, the same code staying hot in
 * the caches. A streamed file (JSONL) gives a group per batch of records.
 */
export async function* loadFiles(files: readonly FoundFile[], limits: Limits, options: LoadOptions = {}): AsyncGenerator<readonly FilePart[]> {
  const roots = new RootTally();
  let next = 0;
  while (next < files.length) {
    // Each file of the group: its text and kind, or the events that say why it has none.
    const group: ({ found: FoundFile; kind: WholeTextKind; text: string } | { found: FoundFile; events: LoadEvent[] })[] = [];
    let chars = 0;
    for (; next < files.length && group.length < GROUP_FILES && chars < GROUP_CHARS; next++) {
      const found = files[next] as FoundFile;
      const { path, file } = found;
      const kinds = kindsForPath(path);
      if (kinds.length === 0) {
        group.push({ found, events: [{ problem: { file, code: 'READ_ERROR', message: 'not a manifest file' } }] });
        continue;
      }
      if (kinds.some(isStreamed)) break;
      const read = readTextFile(path, file, limits, (kinds as WholeTextKind[]).every((kind) => kind.cutTextFails));
      if ('events' in read) {
        group.push({ found, events: read.events });
        continue;
      }
      chars += read.text.length;
      group.push({ found, kind: chooseKind(kinds, () => read.text) as WholeTextKind, text: read.text });
    }
    if (group.length === 0) {
      const found = files[next++] as FoundFile;
      const kind = kindsForPath(found.path).find(isStreamed) as StreamKind;
      roots.kept(found);
      yield* streamParts(kind, createReadStream(found.path, { highWaterMark: STREAM_CHUNK_BYTES }), found.file, limits);
      continue;
    }
    const loaders = new Map<WholeTextKind, LoadText>();
    for (const entry of group) if ('kind' in entry && !loaders.has(entry.kind)) loaders.set(entry.kind, await entry.kind.loader());
    yield group.map((entry): FilePart => {
      const { found } = entry;
      if ('events' in entry) {
        roots.kept(found);
        return { events: entry.events, fileEnds: true };
      }
      const events = loadText(entry.text, found.file, loaders.get(entry.kind) as LoadText, limits, options.context);
      if (!entry.kind.mayBeForeign || (found.root === undefined && options.discover !== true)) {
        roots.kept(found);
        return { events, fileEnds: true };
      }
      const screened = screenForeign(events);
      if (screened.events.length > 0) roots.kept(found);
      else roots.skipped(found, screened.skipped);
      return { events: screened.events, fileEnds: true, ...(screened.skipped > 0 ? { skipped: { file: found.file, documents: screened.skipped } } : {}) };
    });
  }
  const empty = roots.empty();
  if (empty.length > 0) yield [{ events: empty.map((problem) => ({ problem })), fileEnds: false }];
}

/**
 * Which folders and globs named by the user gave something to check. One whose files held only
 * other tools' documents is a problem, as a folder without manifest files is (find-files.ts): the
 * user pointed at it expecting deployments. A root with a manifest anywhere below it is fine.
 */
class RootTally {
  private readonly roots = new Map<string, { kept: boolean; files: number; documents: number }>();

  kept(found: FoundFile): void {
    if (found.root !== undefined) this.entry(found.root).kept = true;
  }

  skipped(found: FoundFile, documents: number): void {
    if (found.root === undefined) return;
    const entry = this.entry(found.root);
    entry.files++;
    entry.documents += documents;
  }

  empty(): Problem[] {
    return [...this.roots]
      .filter(([, entry]) => !entry.kept)
      .map(([root, { files, documents }]) => ({
        file: root,
        code: 'NO_MATCH',
        message: `no accord manifest here: ${documents} document${documents === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} ${notManifests(documents)}`,
      }));
  }

  private entry(root: string): { kept: boolean; files: number; documents: number } {
    let entry = this.roots.get(root);
    if (!entry) this.roots.set(root, (entry = { kept: false, files: 0, documents: 0 }));
    return entry;
  }
}

/** Every deployment (or problem) of one file, in order. */
export async function* loadFile(path: string, file: string, limits: Limits, context?: LoadContext): AsyncGenerator<LoadEvent> {
  for await (const parts of loadFiles([{ path, file }], limits, { context })) for (const part of parts) yield* part.events;
}

/**
 * Deployments from a stream such as stdin, of the kind named, or else detected from the content.
 * A streamed kind named up front is streamed; anything else is read whole first (up to maxFileBytes).
 */
export async function* loadStream(chunks: AsyncIterable<Uint8Array>, file: string, limits: Limits, named?: InputKind, context?: LoadContext): AsyncGenerator<readonly FilePart[]> {
  if (named && isStreamed(named)) {
    yield* streamParts(named, chunks, file, limits);
    return;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  let limit = limits.maxFileBytes;
  for await (const chunk of chunks) {
    // A plan gets its own limit, decided by how the input starts (design 4 of the Terraform input).
    if (size === 0 && limits.maxPlanBytes > limit && startsLikePlanBytes(chunk.subarray(0, 256))) limit = limits.maxPlanBytes;
    size += chunk.length;
    if (size > limit) {
      const message = limit === limits.maxFileBytes
        ? `input is over the limit of ${limits.maxFileBytes} bytes (raise maxFileBytes, or send JSONL with --stdin-format jsonl, which is streamed)`
        : `Terraform plan on stdin is over the limit of ${limits.maxPlanBytes} bytes (raise maxPlanBytes, --max-plan-bytes)`;
      yield [{ events: [{ problem: { file, code: 'FILE_TOO_LARGE', message } }], fileEnds: true }];
      return;
    }
    parts.push(chunk);
  }
  const bytes = Buffer.concat(parts, size);
  // The chunks are copied into bytes: let them go, so that a large plan is held once as bytes, then once as text.
  parts.length = 0;
  if (isBinaryPlan(bytes)) {
    yield [{ events: [binaryPlanEvent(file)], fileEnds: true }];
    return;
  }
  // Detection reads the text leniently decoded (the BOM kept for it to skip; UTF-16, as a PowerShell
  // pipe writes, decoded as such); a plan is claimed by its start, so its text is not decoded twice.
  const head = bytes.subarray(0, 256);
  const kind = named ?? chooseKind(inputKinds, () => lenientText(startsLikePlanBytes(head) ? head : bytes));
  if (isStreamed(kind)) {
    yield* streamParts(kind, (async function* () { yield bytes; })(), file, limits);
    return;
  }
  yield [{ events: wholeEvents(bytes, file, await kind.loader(), limits, context), fileEnds: true }];
}

/** A whole input's events: decoded, then parsed from its text. */
function wholeEvents(bytes: Buffer, file: string, load: LoadText, limits: Limits, context: LoadContext | undefined): LoadEvent[] {
  const read = decodeText(bytes, file);
  return 'events' in read ? read.events : loadText(read.text, file, load, limits, context);
}

function lenientText(bytes: Buffer): string {
  return isUtf16(bytes) ? bytes.toString('utf16le') : bytes.toString('utf8');
}

/** UTF-16LE with its byte-order mark (big-endian UTF-16 is rare enough to be told apart after decoding only). */
function isUtf16(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xfe;
}

/** Whether a file is read as a stream of records (JSONL): a shard takes such a file's records, not the file. */
export function isStreamedPath(path: string): boolean {
  return kindsForPath(path).some(isStreamed);
}

function isStreamed(kind: InputKind): kind is StreamKind {
  return kind.reads === 'stream';
}

async function* streamParts(kind: StreamKind, chunks: AsyncIterable<Uint8Array>, file: string, limits: Limits): AsyncGenerator<readonly FilePart[]> {
  for await (const events of kind.load(chunks, file, limits)) yield [{ events, fileEnds: false }];
  yield [{ events: [], fileEnds: true }];
}
