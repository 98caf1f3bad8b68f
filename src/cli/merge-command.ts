import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatNames, mergeReports, type FailOn, type FormatName } from '../index.js';
import { choose, emitReport } from './check-command.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export interface MergeFlags {
  rules?: string[];
  format?: string;
  output?: string;
  failOn?: string;
}

/** `accord merge report-*.json`: the shards' JSON reports, formatted and judged as one run's. */
export async function runMergeCommand(files: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('nothing to merge: give the JSON reports of the shards (e.g. `accord merge report-*.json`)');
  const format = choose<FormatName>(flags.format ?? 'text', formatNames, '--format');
  const failOn = choose<FailOn>(flags.failOn ?? 'error', ['error', 'warning', 'never'], '--fail-on');
  const reports = files.map((file) => readReport(path.resolve(io.cwd, file), file));
  const report = await mergeReports(reports, { ...(flags.rules ? { rules: flags.rules } : {}), cwd: io.cwd, includeDeployments: format === 'junit' || format === 'html' });
  return emitReport(report, format, failOn, flags.output, io);
}

/** A shard's report is input like any other: bounded in size, and no key that names a prototype. */
const MAX_REPORT_BYTES = 1024 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function readReport(absolute: string, shown: string): unknown {
  let text: string;
  try {
    const size = statSync(absolute).size;
    if (size > MAX_REPORT_BYTES) throw new Error(`it is ${size} bytes, over the ${MAX_REPORT_BYTES}-byte limit for a report`);
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read report ${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return item;
    });
  } catch (error) {
    throw new UsageError(`report ${shown} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (forbidden !== undefined) throw new UsageError(`report ${shown} holds a key named "${forbidden}", which no accord report has: refused`);
  return value;
}
