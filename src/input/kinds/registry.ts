import type { InputKind } from './kind.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { terraformPlan } from './terraform-plan.js';
import { yaml } from './yaml.js';

/**
 * Every input kind. A file is read by the kinds its extension names; stdin, and a file whose
 * extension several kinds share, by the first of them, in this order, whose `detect` claims the
 * content. A kind that refines another (a Terraform plan is a JSON file) goes before it.
 */
export const inputKinds: readonly InputKind[] = [terraformPlan, json, yaml, jsonl];

export const inputFormats: readonly string[] = inputKinds.map((kind) => kind.name);

export const manifestExtensions: readonly string[] = [...new Set(inputKinds.flatMap((kind) => kind.extensions))];

const byExtension = new Map<string, InputKind[]>();
for (const kind of inputKinds) {
  for (const extension of kind.extensions) byExtension.set(extension, [...(byExtension.get(extension) ?? []), kind]);
}

/** The kinds that may read a file, by its extension; called for every file found, so no regular expression. */
export function kindsForPath(path: string): readonly InputKind[] {
  const dot = path.lastIndexOf('.');
  return (dot === -1 ? undefined : byExtension.get(path.slice(dot + 1).toLowerCase())) ?? [];
}

export function isManifestPath(path: string): boolean {
  return kindsForPath(path).length > 0;
}

export function kindNamed(name: string): InputKind | undefined {
  return inputKinds.find((kind) => kind.name === name);
}

/** Of `candidates` (in registry order), the first that claims `text`; the last when none does. */
export function chooseKind(candidates: readonly InputKind[], text: () => string): InputKind {
  if (candidates.length === 1) return candidates[0] as InputKind;
  const content = text();
  return candidates.find((kind) => kind.detect(content)) ?? (candidates[candidates.length - 1] as InputKind);
}
