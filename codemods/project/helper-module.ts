/**
 * The runtime copied into a migrated project on request (`--copy-runtime`): one module in the target's
 * language and module system (TypeScript source for TypeScript targets; ES module or CommonJS with its
 * declarations beside it for JavaScript), with the version it was copied from in a header.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import packages from '../../src/packages.json';
import { RUNTIME_TYPESCRIPT_SOURCE } from './runtime-source.generated.js';

/** The language of a copy: TypeScript source, or JavaScript in one module system. */
export type CopyLanguage = 'typescript' | 'esm' | 'commonjs';

export interface RuntimeCopy {
  /** The module's file, e.g. `<package>/src/oidc-runtime.ts`. */
  readonly path: string;
  readonly language: CopyLanguage;
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

/**
 * How a file imports a copy: a relative specifier ending as the compiled file will (`.ts` is imported
 * as `.js`, `.mts` as `.mjs`, `.cts` as `.cjs`), which TypeScript maps back to the source.
 */
export function copySpecifier(fromFile: string, copyPath: string): string {
  const compiled = copyPath.replace(/\.(m|c)?ts$/, (_extension, kind: string | undefined) => `.${kind ?? ''}js`);
  let specifier = relative(dirname(fromFile), compiled).split(sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return specifier;
}

function header(comment: string): string {
  return (
    `${comment} Copied by ${packages.codemod.name} from ${packages.runtime.name}@${version}: discovery-based access-token\n` +
    `${comment} verification and token introspection on jose. To update it, depend on ${packages.runtime.name} instead.\n`
  );
}

/** The version a copy was written from, read back from its header. */
export function copiedVersion(text: string): string | undefined {
  return new RegExp(`from ${packages.runtime.name.replace(/[-.]/g, '\\$&')}@(\\S+?):`).exec(text)?.[1];
}

/** A copy's files: the TypeScript module, or the JavaScript module and its declarations. */
export function runtimeCopyFiles(copy: RuntimeCopy): { path: string; text: string }[] {
  if (copy.language === 'typescript') return [{ path: copy.path, text: header('//') + RUNTIME_TYPESCRIPT_SOURCE.replace(/ from '@@import:([^']+)';/g, " from '$1';") }];
  const runtime = join(packageRoot(), 'dist', 'runtime');
  const esm = copy.language === 'esm';
  const code = readFileSync(join(runtime, esm ? 'index.js' : 'index.cjs'), 'utf8');
  const declarations = readFileSync(join(runtime, esm ? 'index.d.ts' : 'index.d.cts'), 'utf8');
  const declarationPath = copy.path.replace(/\.(m|c)?js$/, (_extension, kind: string | undefined) => `.d.${kind ?? ''}ts`);
  return [
    { path: copy.path, text: header('//') + code },
    { path: declarationPath, text: header('//') + declarations },
  ];
}
