export type FileKind = 'json' | 'yaml' | 'jsonl';

export const manifestExtensions = ['json', 'yaml', 'yml', 'jsonl', 'ndjson'] as const;

export function fileKind(path: string): FileKind | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return undefined;
}
