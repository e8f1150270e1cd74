/**
 * The runtime helpers written into the target project once (from this package's built `runtime`), in
 * the target's module system, with type declarations beside them for TypeScript; and `jose` added to the
 * target's `package.json` when missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencies, version } from '../../package.json';
import packages from '../../src/packages.json';

export type ModuleSystem = 'esm' | 'commonjs';

export interface HelperModule {
  /** The helper's JavaScript file, e.g. `<root>/src/oidc-runtime.js`. */
  readonly path: string;
  readonly moduleSystem: ModuleSystem;
}

/** The packages that carry the built runtime under dist/runtime: the codemod's, or this repository. */
const CARRIERS = new Set([packages.codemod.name, packages.plugin.name]);

/** This package's root (where its package.json and dist are), from wherever this module runs. */
export function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && CARRIERS.has((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ?? '')) return folder;
    folder = dirname(folder);
  }
  throw new Error(`cannot find the ${packages.codemod.name} package that holds this module`);
}

/** The package.json that governs a path, and its folder. */
export function nearestPackageJson(path: string): string | undefined {
  let folder = path;
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) return manifest;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Where the helper goes: `--helper-path`, or `src/oidc-runtime.js` (or `oidc-runtime.js`) at the project root. */
export function helperModuleFor(projectRoot: string, helperPath: string | undefined): HelperModule {
  const path = helperPath
    ? resolve(helperPath).replace(/\.(ts|mts|cts)$/, (extension) => ({ '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs' })[extension]!)
    : join(projectRoot, existsSync(join(projectRoot, 'src')) ? 'src' : '', 'oidc-runtime.js');
  let moduleSystem: ModuleSystem;
  if (path.endsWith('.mjs')) moduleSystem = 'esm';
  else if (path.endsWith('.cjs')) moduleSystem = 'commonjs';
  else {
    const manifest = nearestPackageJson(dirname(path));
    moduleSystem = manifest && (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module' ? 'esm' : 'commonjs';
  }
  return { path, moduleSystem };
}

/** How a file imports the helper: a relative specifier with the `.js` extension, which TypeScript maps to the declarations. */
export function helperSpecifier(fromFile: string, helper: HelperModule): string {
  let specifier = relative(dirname(fromFile), helper.path).split(sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return specifier;
}

/** The helper's files: the JavaScript and its declarations. */
export function helperFiles(helper: HelperModule): { path: string; text: string }[] {
  const runtime = join(packageRoot(), 'dist', 'runtime');
  const code = readFileSync(join(runtime, helper.moduleSystem === 'esm' ? 'index.js' : 'index.cjs'), 'utf8');
  const declarations = readFileSync(join(runtime, helper.moduleSystem === 'esm' ? 'index.d.ts' : 'index.d.cts'), 'utf8');
  const header = `// Written by oidc-codemod from ${packages.runtime.name}@${version}: a discovery-based access-token\n// verifier and a token introspector on jose. Keep it, or depend on ${packages.runtime.name}@${version} instead.\n`;
  const declarationPath = helper.path.replace(/\.(m|c)?js$/, (_extension, kind: string | undefined) => `.d.${kind ?? ''}ts`);
  return [
    { path: helper.path, text: header + code },
    { path: declarationPath, text: header + declarations },
  ];
}

/** `jose` in the target's dependencies, with this package's range, unless it is there already. */
export function packageJsonWithJose(manifestPath: string): string | undefined {
  const text = readFileSync(manifestPath, 'utf8');
  const manifest = JSON.parse(text) as Record<string, Record<string, string> | unknown>;
  const sections = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
  if (sections.some((section) => typeof manifest[section] === 'object' && manifest[section] !== null && 'jose' in (manifest[section] as object))) return undefined;
  const merged = { ...((manifest.dependencies as Record<string, string> | undefined) ?? {}), jose: dependencies.jose };
  const updated = { ...manifest, dependencies: Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b))) };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(updated, null, indent).replace(/\n/g, eol) + (text.endsWith('\n') ? eol : '');
}
