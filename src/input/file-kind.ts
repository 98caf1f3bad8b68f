export type FileKind = 'json' | 'yaml' | 'jsonl';

export const fileKinds: readonly FileKind[] = ['json', 'yaml', 'jsonl'];

export const manifestExtensions = ['json', 'yaml', 'yml', 'jsonl', 'ndjson'] as const;

/** The kind a file's extension says; called for every file found, so no regular expression. */
export function fileKind(path: string): FileKind | undefined {
  const dot = path.lastIndexOf('.');
  const ext = dot === -1 ? undefined : path.slice(dot + 1).toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return undefined;
}
