/**
 * Where an import of the project's own code leads, without a bundler or TypeScript: relative paths with
 * the extensions and `index` files Node, TypeScript and bundlers try; tsconfig `paths`; and workspace
 * packages (their `exports`/`main`), as long as they live outside `node_modules`. Third-party packages
 * are never followed: their values are not the project's configuration.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** Extensions tried after the specifier as written, in the order TypeScript and bundlers try them. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
const MAX_EXTENDS = 4;

/** The file system facts resolution depends on, each read once per (path, mtime). */
interface Cached<T> {
  readonly mtimeMs: number;
  readonly value: T;
}

function statOf(path: string): { file: boolean; directory: boolean; mtimeMs: number } | undefined {
  try {
    const stats = statSync(path);
    return { file: stats.isFile(), directory: stats.isDirectory(), mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  return statOf(path)?.file ?? false;
}

const jsonFiles = new Map<string, Cached<unknown>>();

/** A JSON (or JSON with comments, as tsconfig files are) file, parsed once per mtime; undefined if absent or invalid. */
function readJsonFile(path: string): unknown {
  const stats = statOf(path);
  if (!stats?.file) return undefined;
  const cached = jsonFiles.get(path);
  if (cached && cached.mtimeMs === stats.mtimeMs) return cached.value;
  let value: unknown;
  try {
    value = JSON.parse(stripJsonComments(readFileSync(path, 'utf8')));
  } catch {
    value = undefined;
  }
  jsonFiles.set(path, { mtimeMs: stats.mtimeMs, value });
  return value;
}

/** Comments and trailing commas out of JSONC, leaving strings alone. */
export function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else {
      out += char;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** A file at `base`, trying extensions, `.js` written for `.ts` (TypeScript's ESM convention), then `index` files. */
export function resolveFile(base: string): string | undefined {
  const stats = statOf(base);
  if (stats?.file) return base;
  for (const extension of SOURCE_EXTENSIONS) if (isFile(base + extension)) return base + extension;
  const written = /\.(m|c)?jsx?$/.exec(base);
  if (written) {
    const stem = base.slice(0, -written[0].length);
    const candidates = written[1] === 'm' ? ['.mts'] : written[1] === 'c' ? ['.cts'] : ['.ts', '.tsx'];
    for (const extension of candidates) if (isFile(stem + extension)) return stem + extension;
  }
  if (stats?.directory) {
    const entry = packageEntry(base);
    if (entry) return entry;
    for (const extension of SOURCE_EXTENSIONS) if (isFile(join(base, `index${extension}`))) return join(base, `index${extension}`);
  }
  return undefined;
}

interface PathsConfig {
  readonly baseUrl: string;
  readonly paths: readonly (readonly [pattern: string, targets: readonly string[]])[];
}

const tsconfigByDirectory = new Map<string, string | null>();

/** The nearest tsconfig.json (or jsconfig.json) above a directory. */
function nearestTsconfig(directory: string): string | undefined {
  const cached = tsconfigByDirectory.get(directory);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | undefined;
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    if (isFile(join(directory, name))) {
      found = join(directory, name);
      break;
    }
  }
  if (!found && !directory.split(sep).includes('node_modules')) {
    const parent = dirname(directory);
    if (parent !== directory) found = nearestTsconfig(parent);
  }
  tsconfigByDirectory.set(directory, found ?? null);
  return found;
}

/** `compilerOptions.paths` of a tsconfig, following relative `extends` a few levels deep. */
function pathsConfig(tsconfig: string, depth = 0): PathsConfig | undefined {
  const config = readJsonFile(tsconfig) as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
  if (!config) return undefined;
  const options = config.compilerOptions ?? {};
  const directory = dirname(tsconfig);
  if (options.paths && typeof options.paths === 'object') {
    const baseUrl = typeof options.baseUrl === 'string' ? resolve(directory, options.baseUrl) : directory;
    const paths = Object.entries(options.paths as Record<string, unknown>)
      .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
      .map(([pattern, targets]) => [pattern, targets.filter((target) => typeof target === 'string')] as const);
    return { baseUrl, paths };
  }
  const parent = typeof config.extends === 'string' && config.extends.startsWith('.') ? resolve(directory, config.extends) : undefined;
  if (parent && depth < MAX_EXTENDS) return pathsConfig(parent.endsWith('.json') ? parent : `${parent}.json`, depth + 1);
  return undefined;
}

function resolveWithPaths(fromDirectory: string, specifier: string): string | undefined {
  const tsconfig = nearestTsconfig(fromDirectory);
  const config = tsconfig ? pathsConfig(tsconfig) : undefined;
  if (!config) return undefined;
  for (const [pattern, targets] of config.paths) {
    const star = pattern.indexOf('*');
    let captured: string | undefined;
    if (star < 0) captured = pattern === specifier ? '' : undefined;
    else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1) {
      captured = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    }
    if (captured === undefined) continue;
    for (const target of targets) {
      const found = resolveFile(resolve(config.baseUrl, target.replace('*', captured)));
      if (found) return found;
    }
  }
  return undefined;
}

/** The entry a package.json names: `exports` (source-first conditions), `module`, `main`. */
function packageEntry(directory: string, subpath = '.'): string | undefined {
  const manifest = readJsonFile(join(directory, 'package.json')) as { exports?: unknown; main?: unknown; module?: unknown; source?: unknown } | undefined;
  if (!manifest) return undefined;
  const candidates: string[] = [];
  const target = exportTarget(manifest.exports, subpath);
  if (target) candidates.push(target);
  if (subpath === '.') {
    for (const field of [manifest.source, manifest.module, manifest.main]) if (typeof field === 'string') candidates.push(field);
  } else {
    candidates.push(subpath);
  }
  for (const candidate of candidates) {
    const path = resolve(directory, candidate);
    const found = resolveFile(path) ?? builtToSource(directory, path);
    if (found) return found;
  }
  return undefined;
}

/** A workspace package whose entry points at a build not made yet (`dist/index.js`): its `src/index.ts`. */
function builtToSource(directory: string, path: string): string | undefined {
  const relative = path.slice(directory.length + 1);
  const match = /^(dist|build|lib|out)\/(.*?)(\.d)?\.[cm]?[jt]s$/.exec(relative.split(sep).join('/'));
  return match ? resolveFile(join(directory, 'src', match[2]!)) : undefined;
}

const CONDITIONS = ['source', 'import', 'require', 'node', 'default'];

function exportTarget(exports: unknown, subpath: string): string | undefined {
  if (typeof exports === 'string') return subpath === '.' ? exports : undefined;
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return undefined;
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  const entry = keys.some((key) => key.startsWith('.')) ? map[subpath] : subpath === '.' ? map : undefined;
  return conditionTarget(entry, 0);
}

function conditionTarget(entry: unknown, depth: number): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry) || depth > 4) return undefined;
  const map = entry as Record<string, unknown>;
  for (const condition of CONDITIONS) {
    const target = conditionTarget(map[condition], depth + 1);
    if (target) return target;
  }
  return undefined;
}

/** `@scope/name/sub` -> `['@scope/name', './sub']`. */
function splitPackageSpecifier(specifier: string): [string, string] | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameLength || parts.slice(0, nameLength).some((part) => part === '')) return undefined;
  const name = parts.slice(0, nameLength).join('/');
  const rest = parts.slice(nameLength).join('/');
  return [name, rest ? `./${rest}` : '.'];
}

const workspaceByRoot = new Map<string, Cached<ReadonlyMap<string, string>>>();

/** Workspace packages declared by a package.json's `workspaces` (`packages/*`, `apps/api`), by name. */
function workspacePackages(rootManifest: string): ReadonlyMap<string, string> {
  const stats = statOf(rootManifest);
  const cached = workspaceByRoot.get(rootManifest);
  if (cached && stats && cached.mtimeMs === stats.mtimeMs) return cached.value;
  const manifest = readJsonFile(rootManifest) as { workspaces?: unknown } | undefined;
  const globs = Array.isArray(manifest?.workspaces)
    ? manifest.workspaces
    : (manifest?.workspaces as { packages?: unknown } | undefined)?.packages;
  const packages = new Map<string, string>();
  const root = dirname(rootManifest);
  for (const glob of Array.isArray(globs) ? globs : []) {
    if (typeof glob !== 'string') continue;
    const directories: string[] = [];
    if (glob.endsWith('/*')) {
      const parent = resolve(root, glob.slice(0, -2));
      try {
        for (const entry of readdirSync(parent)) directories.push(join(parent, entry));
      } catch {
        continue;
      }
    } else if (!glob.includes('*')) {
      directories.push(resolve(root, glob));
    }
    for (const directory of directories) {
      const name = (readJsonFile(join(directory, 'package.json')) as { name?: unknown } | undefined)?.name;
      if (typeof name === 'string') packages.set(name, directory);
    }
  }
  workspaceByRoot.set(rootManifest, { mtimeMs: stats?.mtimeMs ?? 0, value: packages });
  return packages;
}

/** A package of the project itself: a workspace, or a `node_modules` link that leaves `node_modules`. */
function resolvePackage(fromDirectory: string, specifier: string): string | undefined {
  const split = splitPackageSpecifier(specifier);
  if (!split) return undefined;
  const [name, subpath] = split;
  let directory = fromDirectory;
  for (;;) {
    const linked = join(directory, 'node_modules', name);
    if (statOf(linked)?.directory) {
      let real: string;
      try {
        real = realpathSync(linked);
      } catch {
        return undefined;
      }
      // Installed third-party code is not the project's; a workspace link points back into the project.
      if (real.split(sep).includes('node_modules')) return undefined;
      return packageEntry(real, subpath);
    }
    const manifest = join(directory, 'package.json');
    if (isFile(manifest)) {
      const workspace = workspacePackages(manifest).get(name);
      if (workspace) return packageEntry(workspace, subpath);
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

interface Resolution {
  readonly path: string | undefined;
  /** For a relative import that found nothing: the directory it looked in, and its mtime then. */
  readonly directory?: string;
  readonly directoryMtimeMs?: number;
}

const resolutions = new Map<string, Resolution>();

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/**
 * The file an import names, seen from the importing file; undefined for third-party packages, built-in
 * modules and anything that does not exist. Answers are kept per (directory, specifier): a found file
 * is checked to still exist, a relative miss is retried when its directory changes (a file was added),
 * and a package that is not the project's stays third-party for the process.
 */
export function resolveModule(fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith('node:') || specifier === '') return undefined;
  const fromDirectory = dirname(fromFile);
  const key = `${fromDirectory}\0${specifier}`;
  const cached = resolutions.get(key);
  if (cached) {
    if (cached.path !== undefined) {
      if (isFile(cached.path)) return cached.path;
    } else if (cached.directory === undefined || statOf(cached.directory)?.mtimeMs === cached.directoryMtimeMs) {
      return undefined;
    }
  }
  let resolution: Resolution;
  if (isRelative(specifier) || isAbsolute(specifier)) {
    const base = isAbsolute(specifier) ? specifier : resolve(fromDirectory, specifier);
    const path = resolveFile(base);
    const directory = dirname(base);
    resolution = path !== undefined ? { path } : { path, directory, directoryMtimeMs: statOf(directory)?.mtimeMs ?? -1 };
  } else {
    resolution = { path: resolveWithPaths(fromDirectory, specifier) ?? resolvePackage(fromDirectory, specifier) };
  }
  resolutions.set(key, resolution);
  return resolution.path;
}
