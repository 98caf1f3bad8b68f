/** Turns a file-system error into words a person can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file (it may have been deleted while accord ran, or be a dangling symbolic link)';
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
