/**
 * A file accord found by listing its folder (or saw on the command line) has gone when it is read:
 * only then is "no such file" worth a guess at why.
 */
export function describeListedFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory (it was there when accord listed it: deleted while accord ran, or a dangling symbolic link)';
  return describeFsError(error);
}

/** Turns a file-system error into words a person can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: accord cannot read it';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)';
    case 'ENAMETOOLONG':
      return 'path too long (a symlink loop?)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
