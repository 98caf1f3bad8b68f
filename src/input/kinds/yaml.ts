import { loadYamlParser } from '../yaml-loader.js';
import type { WholeTextKind } from './kind.js';
import { firstLine, startsLikeJson } from './sniff.js';

/** A YAML file: one deployment per `---` document (YAML 1.2 core schema, so dates stay strings). */
export const yaml: WholeTextKind = {
  name: 'yaml',
  extensions: ['yaml', 'yml'],
  // By content, whatever does not start like JSON.
  detect: (text) => !startsLikeJson(firstLine(text).line),
  reads: 'whole',
  mayBeForeign: true,
  cutTextFails: false,
  loader: loadYamlParser,
};
