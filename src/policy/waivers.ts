import path from 'node:path';
import { displayPath } from '../path.js';
import { loadDataFile } from '../input/load-data-file.js';
import type { Limits } from '../input/limits.js';
import { dataValidators } from '../schema/validators.js';
import { didYouMean } from '../suggest.js';
import type { Notice, Position, Problem, WaiverRef, WaiverStatus } from '../types.js';
import { addDays } from './dates.js';

export interface Waiver extends WaiverRef {
  matches(name: string): boolean;
  expired: boolean;
  /** Where its `rule` is written, so a notice about it can point there. */
  at: { file: string } & Position;
}

export async function loadWaivers(file: string, cwd: string, limits: Limits, asOf: string): Promise<{ waivers?: Waiver[]; problems: Problem[] }> {
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(cwd, absolute);
  const loaded = await loadDataFile<{ waivers: WaiverRef[] }>(absolute, shown, {
    code: 'WAIVERS_ERROR',
    validator: (await dataValidators()).waivers,
    limits,
    yaml: !absolute.endsWith('.json'),
  });
  if (!loaded.value) return { problems: loaded.problems };
  const places = loaded.value.waivers.map((_, index) => ({ file: shown, ...loaded.locate(['waivers', index, 'rule']) }));
  return { waivers: await toWaivers(loaded.value.waivers, places, asOf), problems: [] };
}

/** Waivers from their terms and where each `rule` is written: from a waivers file, or from a shard's report (a merge). */
export async function toWaivers(refs: readonly WaiverRef[], places: readonly ({ file: string } & Position)[], asOf: string): Promise<Waiver[]> {
  const { default: picomatch } = await import('picomatch');
  return refs.map((w, index) => ({
    ...w,
    matches: picomatch(w.deployment, { nobrace: true, noextglob: true }),
    expired: w.expiresOn < asOf,
    at: places[index] as { file: string } & Position,
  }));
}

/** The active waiver for a finding, if any. An expired waiver never suppresses anything. */
export function findWaiver(waivers: readonly Waiver[], rule: string, deployment: string, used: Set<Waiver>): Waiver | undefined {
  for (const waiver of waivers) {
    if (waiver.expired || waiver.rule !== rule || !waiver.matches(deployment)) continue;
    used.add(waiver);
    return waiver;
  }
  return undefined;
}

export function waiverRef(waiver: WaiverRef): WaiverRef {
  return { rule: waiver.rule, deployment: waiver.deployment, reason: waiver.reason, approvedBy: waiver.approvedBy, expiresOn: waiver.expiresOn };
}

/** Expired, soon-expiring, unused and unknown-rule waivers: worth a look, never a change in the verdict. */
export function waiverNotices(waivers: readonly Waiver[], used: ReadonlySet<Waiver>, ruleIds: ReadonlySet<string>, asOf: string): Notice[] {
  const notices: Notice[] = [];
  const soon = addDays(asOf, 30);
  for (const w of waivers) {
    const label = `waiver for ${w.rule} on ${w.deployment}`;
    if (!ruleIds.has(w.rule)) {
      const { file, line, column } = w.at;
      const hint = didYouMean(w.rule, [...ruleIds]);
      notices.push({ code: 'WAIVER_UNKNOWN_RULE', rule: w.rule, file, line, column, message: `${file}:${line}:${column}: ${label} names a rule that is not in the pack${hint}` });
    }
    if (w.expired) {
      notices.push({ code: 'WAIVER_EXPIRED', rule: w.rule, message: `${label} expired on ${w.expiresOn} and suppresses nothing` });
      continue;
    }
    if (w.expiresOn <= soon) notices.push({ code: 'WAIVER_EXPIRING', rule: w.rule, message: `${label} expires on ${w.expiresOn}, within 30 days` });
    if (!used.has(w)) notices.push({ code: 'WAIVER_UNUSED', rule: w.rule, message: `${label} matched no finding` });
  }
  return notices;
}

/** Every waiver and where it stands on the run date: the report's `waivers`, which the HTML report puts on a timeline. */
export function waiverStatuses(waivers: readonly Waiver[], used: ReadonlySet<Waiver>, asOf: string): WaiverStatus[] {
  const soon = addDays(asOf, 30);
  return waivers.map((w) => ({
    ...waiverRef(w),
    status: w.expired ? 'expired' : w.expiresOn <= soon ? 'expiring' : 'active',
    used: used.has(w),
  }));
}
