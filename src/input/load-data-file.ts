import type { PathSegment } from '../path.js';
import type { CompiledValidator } from '../schema/validator-type.js';
import { validate } from '../schema/validate.js';
import type { Position, Problem, ProblemCode } from '../types.js';
import { decode } from './decode.js';
import type { Limits } from './limits.js';
import { parseJson } from './parse-json.js';
import { readBounded, type BoundedRead } from './read-bounded.js';
import { describeFsError, describeListedFileError } from './read-errors.js';
import { loadYamlParser } from './yaml-loader.js';

export interface DataFile<T> {
  value?: T;
  bytes?: Uint8Array;
  problems: Problem[];
  locate(segments: readonly PathSegment[]): Position;
}

/**
 * Reads one untrusted configuration-like file (a rule, an approvals registry, waivers, the config)
 * with the same guards as manifests, then validates it against its schema. `listed`: the file was
 * found by listing its folder (a rule), rather than named by the user.
 */
export async function loadDataFile<T>(
  path: string,
  file: string,
  options: { code: ProblemCode; validator: CompiledValidator; limits: Limits; yaml: boolean; listed?: boolean },
): Promise<DataFile<T>> {
  const origin: Position = { line: 1, column: 1 };
  const fail = (message: string, at: Partial<Position> = {}): DataFile<T> => ({
    problems: [{ file, ...at, code: options.code, message }],
    locate: () => origin,
  });
  let read: BoundedRead;
  try {
    read = readBounded(path, options.limits.maxFileBytes);
  } catch (error) {
    return fail(options.listed ? describeListedFileError(error) : describeFsError(error));
  }
  if ('notAFile' in read) return fail('not a regular file');
  if ('tooLarge' in read) return fail(`file is ${read.tooLarge} bytes, over the limit of ${options.limits.maxFileBytes}`);
  const bytes = read.bytes;
  const decoded = decode(bytes);
  if (!decoded.ok) return fail(decoded.message);
  let value: unknown;
  let locate: (segments: readonly PathSegment[]) => Position;
  if (options.yaml) {
    const events = (await loadYamlParser())(decoded.text, file, options.limits);
    const problems = events.flatMap((e) => ('problem' in e ? [{ ...e.problem, code: options.code }] : []));
    const documents = events.flatMap((e) => ('document' in e ? [e.document] : []));
    if (problems.length > 0) return { problems, locate: () => origin };
    if (documents.length !== 1) return fail(documents.length === 0 ? 'empty file' : 'expected one YAML document, found several');
    value = documents[0]?.value;
    locate = (documents[0] as { locate: typeof locate }).locate;
  } else {
    const parsed = parseJson(decoded.text, file, options.limits);
    if (parsed.problems.length > 0) return { problems: parsed.problems.map((p) => ({ ...p, code: options.code })), locate: parsed.locate };
    value = parsed.value;
    locate = parsed.locate;
  }
  const issues = validate(options.validator, value);
  if (issues.length > 0) {
    return {
      problems: issues.map((issue) => ({ file, ...locate(issue.segments), code: options.code, message: `${issue.path || '(top level)'}: ${issue.message}`, path: issue.path })),
      locate,
    };
  }
  return { value: value as T, bytes, problems: [], locate };
}
