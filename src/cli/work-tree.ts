/**
 * Where a run may write: the git work trees of the paths it was given (or, outside git and only with
 * `--force`, the package each path belongs to: the folder of its nearest package.json, else the folder given). Every path a stage asks to write is resolved with `realpath` and checked
 * against them, so that a symbolic link on the way (a committed `src/lib -> /elsewhere`) or a manifest
 * found above the repository never leads a write outside.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gitDirectory, gitTopLevel } from './files.js';

export interface WorkTree {
  /** The real path of the work tree's top folder (or of the folder given, outside git). */
  readonly root: string;
  /** The repository's git directory; undefined outside git. */
  readonly gitDirectory?: string;
}

export interface WorkTrees {
  readonly trees: readonly WorkTree[];
  /** Paths given that are in no git work tree. */
  readonly outsideGit: readonly string[];
}

/**
 * The top of the work tree a path is in, found on the path as given (a `.git` entry in it or a folder
 * above it), not on its resolved target: a path through a symbolic link to a folder outside the
 * repository stays in the repository, and the write check then sees the link.
 */
function lexicalTopOf(path: string): string | undefined {
  let folder = path;
  try {
    if (!lstatSync(path).isDirectory()) folder = dirname(path);
  } catch {
    folder = dirname(path);
  }
  for (;;) {
    try {
      lstatSync(join(folder, '.git'));
      return gitTopLevel(folder) ? folder : undefined;
    } catch {
      const parent = dirname(folder);
      if (parent === folder) return undefined;
      folder = parent;
    }
  }
}

/** The work trees of the given (absolute, existing) paths. */
export function workTreesOf(paths: readonly string[]): WorkTrees {
  const trees = new Map<string, WorkTree>();
  const outsideGit: string[] = [];
  for (const path of paths) {
    const top = lexicalTopOf(path);
    if (top) {
      const root = realpathSync(top);
      if (!trees.has(root)) {
        const directory = gitDirectory(top);
        trees.set(root, { root, ...(directory ? { gitDirectory: realpathSync(directory) } : {}) });
      }
    } else {
      outsideGit.push(path);
      let folder = path;
      try {
        if (!lstatSync(path).isDirectory()) folder = dirname(path);
      } catch {
        folder = dirname(path);
      }
      // Without git, the package the path belongs to (its package.json's folder) is the limit, else the folder given.
      const root = realpathSync(packageFolderOf(folder) ?? folder);
      trees.set(root, { root });
    }
  }
  return { trees: [...trees.values()], outsideGit };
}

function packageFolderOf(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, 'package.json'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest));
}

export type PathCheck =
  | { readonly ok: true; readonly tree: WorkTree; readonly exists: boolean }
  | { readonly ok: false; readonly reason: string; readonly symbolicLink?: boolean };

/**
 * Whether `path` may be written: it lies, with every symbolic link on the way resolved, inside one of the
 * work trees, outside their git directories, and is not itself a symbolic link (a rename would replace
 * the link with a file).
 */
export function checkWritePath(path: string, trees: readonly WorkTree[]): PathCheck {
  const absolute = resolve(path);
  let exists = false;
  try {
    const stat = lstatSync(absolute);
    exists = true;
    if (stat.isSymbolicLink()) return { ok: false, symbolicLink: true, reason: 'a symbolic link: not replaced' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, reason: `cannot be checked (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  // The deepest folder that exists, resolved; the part below it is created by the write.
  let existing = dirname(absolute);
  const missing: string[] = [basename(absolute)];
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      missing.unshift(basename(existing));
      const parent = dirname(existing);
      if (parent === existing) return { ok: false, reason: 'no folder of its path exists' };
      existing = parent;
    }
  }
  let real: string;
  try {
    real = join(realpathSync(existing), ...missing);
  } catch (error) {
    return { ok: false, reason: `cannot be resolved (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const tree = trees.find((candidate) => isInside(candidate.root, real));
  if (!tree) {
    const through = symbolicLinkOnTheWay(existing);
    return {
      ok: false,
      reason: through
        ? `outside the work tree: ${through.link} is a symbolic link to ${through.target}; nothing is written through it`
        : `outside the work tree (${trees.map((candidate) => candidate.root).join(', ')}); nothing is written there`,
    };
  }
  if (tree.gitDirectory && isInside(tree.gitDirectory, real)) return { ok: false, reason: 'inside the git directory; nothing is written there' };
  return { ok: true, tree, exists };
}

/** The first folder on a path that is a symbolic link, and where it leads. */
function symbolicLinkOnTheWay(folder: string): { link: string; target: string } | undefined {
  const parts = resolve(folder).split(sep);
  for (let end = 2; end <= parts.length; end++) {
    const prefix = parts.slice(0, end).join(sep) || sep;
    try {
      if (lstatSync(prefix).isSymbolicLink()) return { link: prefix, target: realpathSync(prefix) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
