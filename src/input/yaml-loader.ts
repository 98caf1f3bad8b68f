import type { parseYaml as ParseYaml } from './parse-yaml.js';

let parser: Promise<typeof ParseYaml> | undefined;

/** The YAML parser is loaded on first use: a hook run over JSON files never compiles it. */
export function loadYamlParser(): Promise<typeof ParseYaml> {
  parser ??= import('./parse-yaml.js').then((m) => m.parseYaml);
  return parser;
}
