/**
 * The package.json that owns a changed file: the nearest one above it inside the file's git work tree.
 * A workspace member has its own package.json, so the nearest one is the member's; the workspace root
 * owns only the files outside every member. A manifest outside the work tree, or reached through a
 * symbolic link, is never written: the run says what to do instead.
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export type PackageOwner =
  | { readonly kind: 'manifest'; readonly path: string }
  /** No package.json can take the dependency: why, in words a report can show. */
  | { readonly kind: 'none'; readonly reason: string };

/** The folder of the git work tree around `path` (the nearest folder holding `.git`), if any. */
export function workTreeRoot(path: string): string | undefined {
  let folder = path;
  for (;;) {
    if (existsSync(join(folder, '.git'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Whether `path` is `root` or below it. */
export function isInside(root: string, path: string): boolean {
  const between = relative(root, path);
  return between === '' || (!between.startsWith(`..${sep}`) && between !== '..' && !between.startsWith(sep));
}

/**
 * The package.json that owns `file`. Outside git, the nearest one anywhere above it. Inside a work tree,
 * the nearest one up to the work tree's root; a package.json above the root belongs to another project
 * (a repository checked out inside a folder that has one) and is not taken.
 */
export function owningPackageJson(file: string, display: (path: string) => string = (path) => path): PackageOwner {
  const root = workTreeRoot(dirname(file));
  let folder = dirname(file);
  for (;;) {
    const manifest = join(folder, 'package.json');
    let isLink = false;
    let exists = false;
    try {
      isLink = lstatSync(manifest).isSymbolicLink();
      exists = true;
    } catch {
      // No package.json here.
    }
    if (exists) {
      if (root && !isInside(root, folder)) {
        return { kind: 'none', reason: `no package.json inside the repository owns ${display(file)}: add oidc-token-guard to the one that deploys it` };
      }
      if (isLink) return { kind: 'none', reason: `${display(manifest)} is a symbolic link, which this run does not write through: add oidc-token-guard to the package.json it points to` };
      if (root) {
        let real: string;
        try {
          real = realpathSync(manifest);
        } catch {
          return { kind: 'none', reason: `${display(manifest)} cannot be resolved: add oidc-token-guard to the package.json that deploys ${display(file)}` };
        }
        // A folder on the way may be a link out of the work tree: the manifest found through it is someone else's.
        if (!isInside(realpathSync(root), real)) {
          return { kind: 'none', reason: `${display(manifest)} lies outside the repository (through a symbolic link): add oidc-token-guard to the package.json that deploys ${display(file)}` };
        }
      }
      return { kind: 'manifest', path: manifest };
    }
    if (root && folder === root) {
      const outside = nearestAbove(dirname(root));
      return {
        kind: 'none',
        reason: outside
          ? `no package.json inside the repository owns ${display(file)}: add oidc-token-guard to the one that deploys it`
          : `no package.json owns ${display(file)}: add oidc-token-guard to the one that deploys it`,
      };
    }
    const parent = dirname(folder);
    if (parent === folder) return { kind: 'none', reason: `no package.json owns ${display(file)}: add oidc-token-guard to the one that deploys it` };
    folder = parent;
  }
}

function nearestAbove(folder: string): string | undefined {
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) return manifest;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The manifest's text with `name` added to `dependencies` at `range` (sorted, indentation and line
 * endings kept), or undefined when any dependency section names it already.
 */
export function manifestWithDependency(text: string, name: string, range: string): string | undefined {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new Error('package.json does not hold an object');
  if (DEPENDENCY_SECTIONS.some((section) => typeof manifest[section] === 'object' && manifest[section] !== null && Object.hasOwn(manifest[section] as object, name))) return undefined;
  const merged = { ...((manifest.dependencies as Record<string, string> | undefined) ?? {}), [name]: range };
  const updated = { ...manifest, dependencies: Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b))) };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(updated, null, indent).replace(/\n/g, eol) + (/\r?\n$/.test(text) ? eol : '');
}

/** `type` of a manifest: whether `.js` files below it are ES modules. */
export function isModulePackage(manifestPath: string | undefined): boolean {
  if (!manifestPath) return false;
  try {
    return (JSON.parse(readFileSync(manifestPath, 'utf8')) as { type?: unknown }).type === 'module';
  } catch {
    return false;
  }
}
