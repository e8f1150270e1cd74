/**
 * Which files a run reads: every JavaScript or TypeScript source under the given paths that git does not
 * ignore (or, outside git, that is not in node_modules or build output), never following symbolic links.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { IgnoreMatcher } from './ignore-patterns.js';

export const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.output']);

export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.test(path) && !/\.d\.[cm]?ts$/.test(path) && !/\.min\.js$/.test(path);
}

function inSkippedDirectory(path: string): boolean {
  return path.split(/[\\/]/).some((part) => SKIPPED_DIRECTORIES.has(part));
}

/** The top of the git work tree a path is in, or undefined outside git. */
export function gitTopLevel(path: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: path, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The git directory of the repository a folder is in (`git rev-parse --git-dir`), absolute; undefined outside git. */
export function gitDirectory(folder: string): string | undefined {
  try {
    return resolve(folder, execFileSync('git', ['rev-parse', '--git-dir'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return undefined;
  }
}

/** Files git tracks or would track (not ignored) under a folder, as absolute paths. */
function gitFiles(top: string, folder: string): string[] {
  const output = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', relative(top, folder) || '.'], {
    cwd: top,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return output
    .split('\0')
    .filter(Boolean)
    .map((file) => join(top, file));
}

function walk(folder: string, seen: Set<string>, out: string[]): void {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, seen, out);
    } else if (entry.isFile() && isSourceFile(entry.name)) {
      out.push(path);
    }
  }
}

function isIgnoredByGit(top: string, path: string): boolean {
  const relativePath = relative(top, path);
  if (!relativePath) return false;
  try {
    execFileSync('git', ['check-ignore', '-q', '--', relativePath], { cwd: top, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface FileListing {
  readonly files: string[];
  /** Paths that do not exist or cannot be read, with the reason. */
  readonly unreadable: { path: string; reason: string }[];
}

export function listSourceFiles(paths: readonly string[], ignored: IgnoreMatcher = () => false): FileListing {
  const files = new Set<string>();
  const unreadable: { path: string; reason: string }[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let stat;
    try {
      stat = lstatSync(path);
    } catch (error) {
      unreadable.push({ path: given, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error) });
      continue;
    }
    if (stat.isSymbolicLink()) {
      unreadable.push({ path: given, reason: 'a symbolic link (not followed)' });
      continue;
    }
    if (stat.isFile()) {
      if (isSourceFile(path)) files.add(path);
      continue;
    }
    const top = gitTopLevel(path);
    // A folder git ignores, named explicitly, is read all the same (walked, skipping node_modules).
    if (top && !isIgnoredByGit(top, path)) {
      for (const file of gitFiles(top, path)) {
        if (isSourceFile(file) && !inSkippedDirectory(relative(top, file))) {
          try {
            if (lstatSync(file).isFile()) files.add(file);
          } catch {
            // Listed by git but deleted from the work tree.
          }
        }
      }
    } else {
      const found: string[] = [];
      walk(path, new Set(), found);
      for (const file of found) files.add(file);
    }
  }
  return { files: [...files].filter((file) => !ignored(file)).sort(), unreadable };
}

/** Whether a git tree has uncommitted changes under the given paths. */
export function uncommittedChanges(paths: readonly string[]): string[] {
  const dirty: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let folder = path;
    try {
      if (!lstatSync(path).isDirectory()) folder = resolve(path, '..');
    } catch {
      continue;
    }
    const top = gitTopLevel(folder);
    if (!top) continue;
    const output = execFileSync('git', ['status', '--porcelain', '--', relative(top, path) || '.'], { cwd: top, encoding: 'utf8' });
    for (const line of output.split('\n').filter(Boolean)) dirty.push(join(top, line.slice(3)).split(sep).join('/'));
  }
  return dirty;
}
