import { closest, didYouMean } from '../suggest.js';

const API_VERSION = 'accord/v1';
const KIND = 'Deployment';

/**
 * What a parsed document is to accord, read from its `apiVersion` and `kind` alone: a manifest
 * (the schema checks the rest), a document of another tool (a package.json, a Kubernetes object,
 * a GitHub workflow), or a near miss, a manifest with a mistyped identity, which must never be
 * taken for another tool's document and skipped.
 */
export type ManifestIdentity =
  | { is: 'manifest' }
  | { is: 'foreign' }
  /** `message` follows the field's name: `apiVersion: "acord/v1" is not ...`. */
  | { is: 'near-miss'; field: 'apiVersion' | 'kind'; message: string };

export function identify(value: unknown): ManifestIdentity {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { is: 'foreign' };
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  if (apiVersion === API_VERSION) {
    if (kind === KIND) return { is: 'manifest' };
    return { is: 'near-miss', field: 'kind', message: `${shown(kind)} is not a kind of ${API_VERSION} (it reads ${KIND})${typeof kind === 'string' ? didYouMean(kind, [KIND]) : ''}` };
  }
  if (typeof apiVersion === 'string' && looksLikeAccords(apiVersion)) {
    return { is: 'near-miss', field: 'apiVersion', message: `${shown(apiVersion)} is not an apiVersion accord reads (${API_VERSION})${didYouMean(apiVersion, [API_VERSION])}` };
  }
  // No apiVersion of its own but an accord kind: a manifest that lost its first line, not another tool's file.
  if (apiVersion === undefined && typeof kind === 'string' && (kind === KIND || closest(kind, [KIND]) !== undefined)) {
    return { is: 'near-miss', field: 'apiVersion', message: `missing, and kind ${shown(kind)} is accord's: a manifest starts with apiVersion: ${API_VERSION}` };
  }
  return { is: 'foreign' };
}

/** `Accord/v1`, `accord/v2`, `example.com/accord/v1`, or a few edits from `accord/v1` (`acord/v1`). */
function looksLikeAccords(apiVersion: string): boolean {
  return apiVersion.toLowerCase().includes('accord') || closest(apiVersion, [API_VERSION]) !== undefined;
}

function shown(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
