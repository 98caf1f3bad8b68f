import { opendirSync, readdirSync, realpathSync, statSync, lstatSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type FastGlob from 'fast-glob';
import { displayCut, displayPath } from '../path.js';
import type { Problem } from '../types.js';
import { isManifestPath, manifestExtensions } from './kinds/registry.js';
import { readHead } from './read-bounded.js';
import { describeFsError } from './read-errors.js';
import { isBinaryPlan } from './terraform/detect.js';
import { binaryPlanEvent } from './terraform/plan-events.js';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Display path: relative to cwd when inside it, '/'-separated. */
  file: string;
  /**
   * The folder or glob, as given, whose expansion found it; absent for a file named itself. A found
   * file may be another tool's (a package.json): its documents are screened (load-source.ts).
   */
  root?: string;
}

export interface FindResult {
  files: FoundFile[];
  problems: Problem[];
}

const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands paths, directories and globs. A literal path is taken as is even when it holds glob
 * characters; anything that matches nothing is a problem, never a silent pass. Symbolic links
 * are followed once each: a folder inside one already walked (as in a loop) is not walked again,
 * and a file reached by two paths is read once.
 */
export async function findFiles(patterns: readonly string[], options: { cwd: string; exclude?: readonly string[] }): Promise<FindResult> {
  // fast-glob is loaded only for a pattern that is no existing path: a run on files and folders never compiles it.
  let fg: typeof FastGlob | undefined;
  const { cwd } = options;
  const ignore = [...alwaysIgnored, ...(options.exclude ?? [])];
  const isExcluded = await excludeMatcher(cwd, options.exclude ?? []);
  const files: FoundFile[] = [];
  /** Names taken, by the real path of their folder: a file reached by two paths is read once. */
  const taken = new Map<string, Set<string>>();
  const problems: Problem[] = [];
  /**
   * Real paths of the folders listed. Not "everything below a walked folder": the walk skips
   * hidden folders, node_modules and excluded ones, and a link to one of those must still be walked.
   */
  const listed = new Set<string>();
  const searched = (real: string): boolean => listed.has(real);
  // A regular file's real path is its folder's real path plus its name: one realpath per folder, not per file.
  const realDirs = new Map<string, string>();
  /** `realDir` and `name`: the file's real folder and name, when the caller knows them. */
  /** The pattern being expanded, when it is a folder or a glob. */
  let root: string | undefined;
  const add = (absolute: string, isLink = false, realDir?: string, name?: string, file?: string): void => {
    if (realDir === undefined || name === undefined) {
      let real: string;
      if (isLink) real = realPathOf(absolute);
      else {
        const dir = path.dirname(absolute);
        let known = realDirs.get(dir);
        if (known === undefined) realDirs.set(dir, (known = realPathOf(dir)));
        real = path.join(known, path.basename(absolute));
      }
      realDir = path.dirname(real);
      name = path.basename(real);
    }
    let names = taken.get(realDir);
    if (!names) taken.set(realDir, (names = new Set()));
    if (names.has(name)) return;
    names.add(name);
    const found: FoundFile = { path: absolute, file: file ?? displayPath(cwd, absolute) };
    if (root !== undefined) found.root = root;
    files.push(found);
  };

  const walkDir = (dir: string): number => {
    let real: string;
    try {
      real = realpathSync.native(dir);
      opendirSync(dir).closeSync();
    } catch (error) {
      problems.push({ file: displayPath(cwd, dir), code: 'READ_ERROR', message: describeFsError(error) });
      return 0;
    }
    if (searched(real)) return 0;
    let count = 0;
    // A plain depth-first readdir: what fast-glob's '**/*' did here, at a third of the cost. Entries
    // starting with '.' (so .git) and node_modules are skipped, as globs skip them.
    const pending: [absolute: string, relative: string][] = [[dir, '']];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [absoluteDir, relativeDir] = next;
      const realDir = relativeDir === '' ? real : `${real}${path.sep}${relativeDir}`;
      if (listed.has(realDir)) continue;
      listed.add(realDir);
      let entries: Dirent[];
      try {
        entries = readdirSync(absoluteDir, { withFileTypes: true });
      } catch (error) {
        problems.push({ file: displayPath(cwd, absoluteDir), code: 'READ_ERROR', message: `cannot list this folder: ${describeFsError(error)}` });
        continue;
      }
      const cut = displayCut(cwd, absoluteDir);
      for (const entry of entries) {
        const name = entry.name;
        if (name.startsWith('.') || name === 'node_modules') continue;
        const absolute = absoluteDir.endsWith(path.sep) ? `${absoluteDir}${name}` : `${absoluteDir}${path.sep}${name}`;
        if (isExcluded(absolute)) continue;
        if (entry.isSymbolicLink()) {
          count += followLink(absolute);
        } else if (entry.isFile()) {
          if (!isManifestPath(name)) continue;
          // Below a walked folder nothing is a link (links are followed separately), so its real path is known.
          add(absolute, false, realDir, name, cut === undefined ? undefined : cut === 0 ? absolute : absolute.slice(cut));
          count++;
        } else if (entry.isDirectory()) {
          pending.push([absolute, relativeDir === '' ? name : `${relativeDir}${path.sep}${name}`]);
        }
      }
    }
    return count;
  };

  const followLink = (link: string): number => {
    let target: Stats;
    try {
      target = statSync(link);
    } catch (error) {
      problems.push({ file: displayPath(cwd, link), code: 'READ_ERROR', message: `symbolic link cannot be followed: ${describeFsError(error)}` });
      return 0;
    }
    if (target.isDirectory()) {
      const targetReal = realPathOf(link);
      if (isInside(realPathOf(path.dirname(link)), targetReal)) {
        // Everything below it is searched already, but a loop in a deployment tree is a mistake worth failing on.
        problems.push({ file: displayPath(cwd, link), code: 'READ_ERROR', message: `symbolic link loop: it points back to ${displayPath(cwd, targetReal)}, a folder that contains it (not followed)` });
        return 0;
      }
      return walkDir(link);
    }
    if (target.isFile() && isManifestPath(link)) {
      add(link, true);
      return 1;
    }
    return 0;
  };

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    let stats: Stats | undefined;
    try {
      stats = lstatSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats) {
      const shown = displayPath(cwd, absolute);
      const before = files.length;
      const expanded = stats.isDirectory() || stats.isSymbolicLink();
      const seen = expanded && searched(realPathOf(absolute));
      root = stats.isDirectory() || (stats.isSymbolicLink() && isDirectory(absolute)) ? shown : undefined;
      if (stats.isSymbolicLink()) followLink(absolute);
      else if (stats.isDirectory()) walkDir(absolute);
      else if (!stats.isFile()) {
        // Reading a FIFO would wait forever for a writer; a device may never end.
        problems.push({ file: shown, code: 'READ_ERROR', message: 'not a regular file (a FIFO, socket or device): accord reads only files and folders' });
        continue;
      } else if (!isManifestPath(absolute)) {
        problems.push(isBinaryPlanFile(absolute) ? binaryPlanEvent(shown).problem : { file: shown, code: 'READ_ERROR', message: `not a manifest file: expected one of .${manifestExtensions.join(', .')}` });
        continue;
      } else add(absolute);
      if (expanded && !seen && files.length === before && !problems.some((p) => p.file === shown)) problems.push(nothingFound(shown, absolute));
      continue;
    }
    fg ??= (await import('fast-glob')).default;
    if (!fg.isDynamicPattern(pattern)) {
      problems.push({ file: displayPath(cwd, absolute), code: 'READ_ERROR', message: 'no such file or directory' });
      continue;
    }
    // Globs do not descend through symbolic links to directories (a loop would multiply matches).
    let matches: FastGlob.Entry[];
    try {
      matches = fg.sync(pattern, { cwd, ignore, dot: false, onlyFiles: false, followSymbolicLinks: false, objectMode: true, absolute: true });
    } catch (error) {
      const at = (error as NodeJS.ErrnoException).path;
      problems.push({ file: pattern, code: 'READ_ERROR', message: `cannot expand this glob: ${describeFsError(error)}${at ? ` (${displayPath(cwd, at)})` : ''}` });
      continue;
    }
    let count = 0;
    root = pattern;
    for (const match of matches) {
      if (!isManifestPath(match.path)) continue;
      if (match.dirent.isSymbolicLink()) count += followLink(match.path);
      else if (match.dirent.isFile()) {
        add(path.normalize(match.path));
        count++;
      }
    }
    if (count === 0) problems.push({ file: pattern, code: 'NO_MATCH', message: 'this glob matches no manifest file' });
  }
  return { files: files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), problems };
}

/** A literal directory or symbolic link that gave no file: never a silent pass. */
function nothingFound(shown: string, absolute: string): Problem {
  let target: Stats | undefined;
  try {
    target = statSync(absolute);
  } catch {
    target = undefined;
  }
  if (target?.isDirectory()) return { file: shown, code: 'NO_MATCH', message: `no manifest files (.${manifestExtensions.join(', .')}) in this directory` };
  return { file: shown, code: 'NO_MATCH', message: 'symbolic link to something that is not a manifest file or a folder (a FIFO, a device?)' };
}

function isDirectory(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function realPathOf(absolute: string): string {
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

function isInside(child: string, dir: string): boolean {
  const relative = path.relative(dir, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Whether a path (or a folder above it, up to cwd) matches an exclude glob, relative to cwd. */
async function excludeMatcher(cwd: string, exclude: readonly string[]): Promise<(absolute: string) => boolean> {
  if (exclude.length === 0) return () => false;
  const { default: picomatch } = await import('picomatch');
  const matches = picomatch([...exclude], { dot: true });
  return (absolute) => {
    const parts = path.relative(cwd, absolute).split(path.sep);
    return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
  };
}

/** Whether a file named on the command line is a binary Terraform plan (a zip), read by its first bytes. */
function isBinaryPlanFile(absolute: string): boolean {
  try {
    return isBinaryPlan(readHead(absolute, 4));
  } catch {
    return false;
  }
}
