import type { LoadEvent } from './document.js';
import { identify } from './manifest-identity.js';

/** `are not accord manifests (...)`, for notices and problems about skipped documents. */
export function notManifests(documents: number): string {
  return `${documents === 1 ? 'is not an accord manifest' : 'are not accord manifests'} (no apiVersion: accord/v1)`;
}

/**
 * The load events of a file found in a folder walk (or of any file with `discover`), without the
 * documents that are plainly another tool's (a package.json, a workflow, a Kubernetes object) and
 * without the "no deployment in this file" of an empty one: they are counted, not checked. Near
 * misses (`acord/v1`) stay, for the schema check to report.
 */
export function screenForeign(events: readonly LoadEvent[]): { events: LoadEvent[]; skipped: number } {
  const kept: LoadEvent[] = [];
  let skipped = 0;
  for (const event of events) {
    const foreign = 'document' in event ? identify(event.document.value).is === 'foreign' : 'problem' in event && event.problem.code === 'NO_DEPLOYMENTS';
    if (foreign) skipped++;
    else kept.push(event);
  }
  return { events: kept, skipped };
}
