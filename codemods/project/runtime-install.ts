/**
 * How rewritten code gets the runtime: by default it imports oidc-token-guard, which is added to the
 * package.json owning each changed file; with `--copy-runtime` a copy is written into the owning package
 * (or to the path given) and `jose` is added instead; with `--helper-import` nothing is written.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dependencies, version } from '../../package.json';
import packages from '../../src/packages.json';
import { copySpecifier, runtimeCopyFiles, type CopyLanguage, type RuntimeCopy } from './helper-module.js';
import { isModulePackage, manifestWithDependency, owningPackageJson, workTreeRoot, type PackageOwner } from './owning-package.js';

export interface RuntimeInstallOptions {
  /** `--helper-import`: rewritten code imports the runtime from there; nothing is written for it. */
  readonly helperImport?: string;
  /** `--copy-runtime`: `true` for the default place in each owning package, or the absolute path given. */
  readonly copyRuntime?: string | true;
  /** How paths are named in review notes. */
  readonly display?: (path: string) => string;
}

/** A file the install writes before the sources that import it. */
export interface PlannedWrite {
  readonly path: string;
  readonly before: string | undefined;
  readonly text: string;
  readonly validate?: (text: string) => void;
  /** A one-line description shown instead of a diff (new runtime copies). */
  readonly summary?: string;
  readonly prerequisite: true;
}

export interface InstallNote {
  readonly path: string;
  readonly line: number;
  readonly reason: string;
}

export interface ChangedSource {
  readonly path: string;
  readonly original: string;
  readonly text: string;
}

const TYPESCRIPT_SOURCE = /\.(ts|tsx|mts|cts)$/;
const COPY_NAME = 'oidc-runtime';

export class RuntimeInstall {
  private readonly display: (path: string) => string;
  private readonly owners = new Map<string, PackageOwner>();

  constructor(private readonly options: RuntimeInstallOptions) {
    this.display = options.display ?? ((path) => path);
  }

  /** The module specifier a rewritten `file` imports the runtime from. */
  specifierFor(file: string): string {
    if (this.options.helperImport !== undefined) return this.options.helperImport;
    if (this.options.copyRuntime === undefined) return packages.runtime.name;
    return copySpecifier(file, this.copyBaseFor(file));
  }

  /** The writes (runtime copies, package.json) and review notes for the changed sources that newly import the runtime. */
  plan(changed: readonly ChangedSource[], readText: (path: string) => string | undefined): { writes: PlannedWrite[]; review: InstallNote[] } {
    const writes: PlannedWrite[] = [];
    const review: InstallNote[] = [];
    if (this.options.helperImport !== undefined) return { writes, review };
    const importers = changed.filter((source) => {
      const quoted = new RegExp(`['"]${escapeRegExp(this.specifierFor(source.path))}['"]`);
      return quoted.test(source.text) && !quoted.test(source.original);
    });
    const dependency = this.options.copyRuntime === undefined ? { name: packages.runtime.name, range: `^${version}` } : { name: 'jose', range: dependencies.jose };

    const manifests = new Map<string, ChangedSource>();
    for (const source of importers) {
      const owner = this.ownerOf(source.path);
      if (owner.kind === 'none') review.push({ path: source.path, line: lineOf(source.text, this.specifierFor(source.path)), reason: owner.reason.replace('oidc-token-guard', dependency.name) });
      else if (!manifests.has(owner.path)) manifests.set(owner.path, source);
    }

    if (this.options.copyRuntime !== undefined) {
      const copies = new Map<string, ChangedSource[]>();
      for (const source of importers) {
        const base = this.copyBaseFor(source.path);
        copies.set(base, [...(copies.get(base) ?? []), source]);
      }
      for (const [base, sources] of copies) {
        // A copy outside the work tree is planned all the same: the CLI's write plan refuses it, and with
        // it every source that would import it, so that no source is left importing a missing module.
        const copy = this.copyAt(base, sources);
        for (const file of runtimeCopyFiles(copy)) {
          const existing = readText(file.path);
          if (existing === undefined) {
            writes.push({ path: file.path, before: undefined, text: file.text, summary: `new file: a copy of ${packages.runtime.name}@${version} (${file.text.split('\n').length} lines)`, prerequisite: true });
          } else if (existing !== file.text) {
            review.push({ path: file.path, line: 1, reason: `an existing runtime copy was kept as it is: compare it with ${packages.runtime.name}@${version}, or depend on ${packages.runtime.name} instead` });
          }
        }
        const copyOwner = this.ownerOf(copy.path);
        if (copyOwner.kind === 'manifest' && !manifests.has(copyOwner.path)) manifests.set(copyOwner.path, sources[0]!);
      }
    }

    for (const [manifest, source] of manifests) {
      const before = readText(manifest);
      let updated: string | undefined;
      try {
        updated = before === undefined ? undefined : manifestWithDependency(before, dependency.name, dependency.range);
        if (before === undefined) throw new Error('cannot be read');
      } catch (error) {
        review.push({ path: source.path, line: lineOf(source.text, this.specifierFor(source.path)), reason: `${this.display(manifest)} ${error instanceof SyntaxError ? 'is not valid JSON' : error instanceof Error ? error.message : String(error)}: add ${dependency.name}@${dependency.range} to it by hand` });
        continue;
      }
      if (updated !== undefined) writes.push({ path: manifest, before, text: updated, validate: (text) => void JSON.parse(text), prerequisite: true });
    }
    return { writes, review };
  }

  private ownerOf(file: string): PackageOwner {
    const folder = dirname(file);
    let owner = this.owners.get(folder);
    if (!owner) {
      owner = owningPackageJson(file, this.display);
      this.owners.set(folder, owner);
    }
    // Reasons name the file asked about, not the first file of its folder.
    return owner.kind === 'none' ? { kind: 'none', reason: owner.reason.replace(/owns \S+:/, `owns ${this.display(file)}:`) } : owner;
  }

  /** Where the copy for `file` goes, with `.js` standing for whichever language it is written in. */
  private copyBaseFor(file: string): string {
    if (typeof this.options.copyRuntime === 'string') return this.options.copyRuntime;
    const owner = this.ownerOf(file);
    const root = owner.kind === 'manifest' ? dirname(owner.path) : (workTreeRoot(dirname(file)) ?? dirname(file));
    return join(root, existsSync(join(root, 'src')) ? 'src' : '', `${COPY_NAME}.js`);
  }

  /** The copy at `base`: its language from the path given, else from the files that import it and the package's `type`. */
  private copyAt(base: string, importers: readonly ChangedSource[]): RuntimeCopy {
    const explicit = typeof this.options.copyRuntime === 'string';
    let language: CopyLanguage;
    let path = base;
    if (/\.(m|c)?ts$/.test(base)) language = 'typescript';
    else if (base.endsWith('.mjs')) language = 'esm';
    else if (base.endsWith('.cjs')) language = 'commonjs';
    else if (!explicit && importers.some((source) => TYPESCRIPT_SOURCE.test(source.path))) {
      language = 'typescript';
      path = base.replace(/\.js$/, '.ts');
    } else {
      const owner = this.ownerOf(base);
      language = isModulePackage(owner.kind === 'manifest' ? owner.path : undefined) ? 'esm' : 'commonjs';
    }
    return { path, language };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lineOf(text: string, specifier: string): number {
  const index = text.search(new RegExp(`['"]${escapeRegExp(specifier)}['"]`));
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

