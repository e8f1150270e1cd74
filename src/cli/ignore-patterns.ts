/**
 * `--ignore-pattern GLOB`: paths a run leaves out, beside what git ignores. Globs are matched against the
 * path relative to the working directory, in the spirit of .gitignore: a pattern without a slash matches
 * a file or folder name at any depth; with a slash it matches from the working directory; a match on a
 * folder leaves out everything below it. `*` and `?` stay within one name, `**` crosses folders.
 */
import { relative, sep } from 'node:path';

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const slash = glob[index + 2] === '/';
        source += slash ? '(?:[^/]+/)*' : '.*';
        index += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

export type IgnoreMatcher = (absolutePath: string) => boolean;

/** A matcher for the given globs, relative to `base` (the working directory); never matches with no globs. */
export function ignoreMatcher(globs: readonly string[], base: string): IgnoreMatcher {
  if (globs.length === 0) return () => false;
  const compiled = globs.map((glob) => {
    const normalized = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const anchored = normalized.includes('/');
    return { anchored, pattern: globToRegExp(normalized.replace(/^\//, '')) };
  });
  return (absolutePath) => {
    const path = relative(base, absolutePath).split(sep).join('/');
    const parts = path.split('/');
    for (const { anchored, pattern } of compiled) {
      if (anchored) {
        // The file itself, or any folder above it.
        for (let end = parts.length; end > 0; end--) if (pattern.test(parts.slice(0, end).join('/'))) return true;
      } else if (parts.some((part) => pattern.test(part))) {
        return true;
      }
    }
    return false;
  };
}
