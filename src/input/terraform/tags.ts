import type { Path, TagSource } from './compute-types.js';
import { pointerTo } from './json-pointer.js';
import { attribute, isObject, unknownTree, valueAt, type PlanResource } from './read-changes.js';

/** A tag that looks like accord's (`accord-`, any case, or `accord_`): the convention's keys and misspellings of them. */
export interface TagEntry {
  key: string;
  value: unknown;
  /** The value is not known until apply. */
  unknown: boolean;
  pointer: string;
  sensitive: boolean;
  resource: string;
}

export interface TagRead {
  entries: TagEntry[];
  /** The tag map of the first source (where an absent fact would be written). */
  mapPointer: string;
  /** A tag map that is unknown as a whole: it may hold facts nobody can read. */
  unknownMap?: string;
}

const accordLike = /^accord[-_]/i;

export function readTags(r: PlanResource, sources: readonly TagSource[]): TagRead {
  const read: TagRead = { entries: [], mapPointer: `${r.pointer}/change/after` };
  sources.forEach((source, i) => {
    const pointer = 'map' in source ? readMap(r, source.map, read) : readBlocks(r, source.blocks, read);
    if (i === 0) read.mapPointer = pointer;
  });
  return read;
}

/** The first known of the alternative maps; returns the pointer of the one used (or of the first). */
function readMap(r: PlanResource, alternatives: readonly Path[], read: TagRead): string {
  let unknown: string | undefined;
  for (const path of alternatives) {
    const map = attribute(r, path);
    if (map.state === 'unknown') unknown ??= map.pointer;
    if (map.state !== 'known' || !isObject(map.value)) continue;
    const afterSensitive = valueAt(r.change.after_sensitive, path);
    for (const key of Object.keys(map.value)) {
      if (!accordLike.test(key)) continue;
      const sensitive = map.sensitive || (isObject(afterSensitive) && afterSensitive[key] === true);
      read.entries.push({ key, value: map.value[key], unknown: false, pointer: pointerTo(map.pointer, key), sensitive, resource: r.address });
    }
    const unknownValues = unknownTree(r, path);
    if (isObject(unknownValues)) {
      for (const key of Object.keys(unknownValues)) {
        if (accordLike.test(key) && unknownValues[key] === true) {
          read.entries.push({ key, value: undefined, unknown: true, pointer: pointerTo(`${r.pointer}/change/after_unknown`, ...path, key), sensitive: false, resource: r.address });
        }
      }
    }
    return map.pointer;
  }
  if (unknown) read.unknownMap ??= unknown;
  return pointerTo(`${r.pointer}/change/after`, ...(alternatives[0] ?? []));
}

/** `tag { key, value }` blocks (aws_autoscaling_group). */
function readBlocks(r: PlanResource, path: Path, read: TagRead): string {
  const list = attribute(r, path);
  if (list.state === 'unknown') read.unknownMap ??= list.pointer;
  if (list.state !== 'known' || !Array.isArray(list.value)) return list.pointer;
  for (let i = 0; i < list.value.length; i++) {
    const key = attribute(r, [...path, i, 'key']);
    if (key.state === 'unknown') read.unknownMap ??= key.pointer;
    if (key.state !== 'known' || typeof key.value !== 'string' || !accordLike.test(key.value)) continue;
    const value = attribute(r, [...path, i, 'value']);
    read.entries.push({
      key: key.value,
      value: value.state === 'known' ? value.value : null,
      unknown: value.state === 'unknown',
      pointer: value.pointer,
      sensitive: value.state === 'known' && value.sensitive,
      resource: r.address,
    });
  }
  return list.pointer;
}
