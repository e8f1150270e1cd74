/**
 * How the run's other modules use one export of a module: which methods they call on it, or the first use that
 * cannot be followed. A transform replaces an exported object (an org `OktaJwtVerifier`) with one that keeps part of
 * its contract only when every use in the run is a call of a method that part covers. Each module is read once per
 * run (an import graph over relative specifiers); only the modules that import the exporting one are parsed.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { indexFile, type Binding, type FileIndex } from '../../src/analysis/file-index.js';
import { dynamicImportSource, isCallExpression, isIdentifier, isMemberExpression, memberName, startOf, stringLiteralValue, unwrap, walkNodes, type AstNode } from '../../src/analysis/syntax.js';
import { parseFile } from '../lib/transformer.js';
import type { ProjectModules } from './module-values.js';

export type ExportUses =
  /** Every use in the run is `<export>.<method>(...)`; `modules` are the importers, relative to the asking module's folder. */
  | { readonly followed: true; readonly methods: ReadonlySet<string>; readonly modules: readonly string[] }
  /** `module` (relative to the asking module's folder) uses the export in a way that cannot be followed: `why`. */
  | { readonly followed: false; readonly module: string; readonly line: number; readonly why: string };

/** Relative module specifiers a file imports, requires or re-exports. */
const SPECIFIER = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g;

type Found = { methods: Set<string> } | { line: number; why: string };

export class ProjectExportUses {
  private importers: Map<string, string[]> | undefined;
  /** Files with a specifier this run cannot resolve (tsconfig `paths`, workspace packages), by specifier. */
  private unresolved: { readonly file: string; readonly specifier: string }[] = [];

  constructor(
    private readonly files: Iterable<string>,
    private readonly modules: ProjectModules,
    private readonly readText: (path: string) => string | undefined = readUtf8,
  ) {}

  of(path: string, exportName: string): ExportUses {
    const methods = new Set<string>();
    const importers = this.graph().get(path) ?? [];
    const relativeTo = (file: string) => relative(dirname(path), file) || basename(file);
    for (const file of importers) {
      const found = usesIn(file, this.readText(file), path, exportName, this.modules);
      if ('why' in found) return { followed: false, module: relativeTo(file), line: found.line, why: found.why };
      for (const method of found.methods) methods.add(method);
    }
    // A module that may import this one by a specifier the run does not resolve, and names the export: not followed.
    const stem = basename(path).replace(/\.[^.]+$/, '');
    const stems = stem === 'index' ? [basename(dirname(path))] : [stem];
    for (const { file, specifier } of this.unresolved) {
      if (file === path || importers.includes(file)) continue;
      const last = specifier.replace(/\/index$/, '').split('/').pop()!.replace(/\.[^.]+$/, '');
      if (!stems.includes(last)) continue;
      if (exportName !== 'default' && !(this.readText(file) ?? '').includes(exportName)) continue;
      return { followed: false, module: relativeTo(file), line: 1, why: `imports '${specifier}', which this run cannot resolve` };
    }
    return { followed: true, methods, modules: importers.map(relativeTo) };
  }

  private graph(): Map<string, string[]> {
    if (this.importers) return this.importers;
    this.importers = new Map();
    for (const file of this.files) {
      const text = this.readText(file);
      if (!text) continue;
      const targets = new Set<string>();
      for (const match of text.matchAll(SPECIFIER)) {
        const specifier = match[1]!;
        const target = this.modules.resolve(file, specifier);
        if (target !== undefined) {
          if (target !== file) targets.add(target);
        } else if (!/^(node:|[a-z@][\w.-]*(\/[\w.-]+)?$)/i.test(specifier) || specifier.startsWith('.')) {
          // Not a package name: a path alias, or a relative path outside the run.
          this.unresolved.push({ file, specifier });
        }
      }
      for (const target of targets) {
        const importers = this.importers.get(target);
        if (importers) importers.push(file);
        else this.importers.set(target, [file]);
      }
    }
    return this.importers;
  }
}

function readUtf8(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The uses of `exportName` of `target` in one importing module. */
function usesIn(file: string, text: string | undefined, target: string, exportName: string, modules: ProjectModules): Found {
  if (text === undefined) return { line: 1, why: 'cannot be read' };
  let index: FileIndex;
  try {
    index = indexFile(parseFile(text, file));
  } catch {
    return { line: 1, why: 'does not parse' };
  }
  const methods = new Set<string>();
  let problem: { line: number; why: string } | undefined;
  const fail = (node: AstNode, why: string) => {
    problem ??= { line: startOf(node).line, why };
  };
  const isTarget = (source: AstNode | null | undefined) => {
    const specifier = source ? stringLiteralValue(source) : undefined;
    return specifier !== undefined && modules.resolve(file, specifier) === target;
  };
  const follow = (binding: Binding | undefined, holdsModule: boolean, at: AstNode) => {
    if (!binding) return fail(at, 'imports it in a way this run cannot follow');
    const found = holdsModule ? moduleBindingUses(index, binding, exportName) : exportUses(index, binding);
    if ('why' in found) return fail(found.at, found.why);
    for (const method of found.methods) methods.add(method);
  };

  walkNodes(index.program, (node) => {
    if (problem) return false;
    if (node.type === 'ImportDeclaration' && isTarget(node.source as AstNode)) {
      if (node.importKind === 'type') return false;
      for (const specifier of (node.specifiers ?? []) as AstNode[]) {
        if (specifier.importKind === 'type') continue;
        const local = index.resolve(specifier.local as AstNode);
        if (specifier.type === 'ImportSpecifier') {
          const imported = (specifier.imported?.name ?? specifier.imported?.value) as string;
          if (imported === exportName) follow(local, false, specifier);
        } else if (specifier.type === 'ImportDefaultSpecifier') {
          // A default import of a CommonJS module is its module.exports: for a named export, the object that holds it.
          follow(local, exportName !== 'default', specifier);
        } else {
          follow(local, true, specifier);
        }
      }
      return false;
    }
    if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && isTarget(node.source as AstNode)) {
      fail(node, 're-exports the module, whose importers this run does not follow further');
      return false;
    }
    const dynamic = dynamicImportSource(node);
    if (dynamic && isTarget(dynamic)) {
      fail(node, 'imports it dynamically');
      return false;
    }
    if (isCallExpression(node) && isIdentifier(node.callee as AstNode, 'require') && isTarget((node.arguments as AstNode[])[0])) {
      requireUse(index, node, exportName, follow, fail, (method) => methods.add(method));
      return false;
    }
    return undefined;
  });
  return problem ?? { methods };
}

/** `const { x } = require(m)`, `const m = require(m)`, `require(m).x.method()`. */
function requireUse(
  index: FileIndex,
  call: AstNode,
  exportName: string,
  follow: (binding: Binding | undefined, holdsModule: boolean, at: AstNode) => void,
  fail: (node: AstNode, why: string) => void,
  called: (method: string) => void,
): void {
  const parent = index.parentOf(call);
  if (parent?.type === 'VariableDeclarator' && parent.init === call) {
    const id = parent.id as AstNode;
    if (id.type === 'Identifier') return follow(index.resolve(id), exportName !== 'default', call);
    if (id.type === 'ObjectPattern') {
      if (exportName === 'default') return fail(call, 'destructures the exported object');
      for (const property of id.properties as AstNode[]) {
        if (property.type === 'RestElement') return fail(property, 'gathers the module\'s exports with a rest element');
        const key = property.key?.name ?? property.key?.value;
        if (key !== exportName) continue;
        const value = unwrap(property.value as AstNode);
        if (!isIdentifier(value)) return fail(property, 'destructures the export further');
        follow(index.resolve(value), false, property);
      }
      return;
    }
  }
  if (isMemberExpression(parent) && parent.object === call && exportName !== 'default') {
    if (memberName(parent) !== exportName) return;
    const outer = index.parentOf(parent);
    const method = isMemberExpression(outer) && outer.object === parent ? memberCallOf(index, outer) : undefined;
    if (method === undefined) return fail(parent, 'uses the export other than by calling its methods');
    return called(method);
  }
  fail(call, 'requires the module in a way this run cannot follow');
}

type BindingUses = { methods: Set<string> } | { at: AstNode; why: string };

/** Every reference is `<binding>.<method>(...)`. */
function exportUses(index: FileIndex, binding: Binding): BindingUses {
  const methods = new Set<string>();
  for (const reference of index.referencesOf(binding)) {
    const member = index.parentOf(reference);
    const method = isMemberExpression(member) && member.object === reference ? memberCallOf(index, member) : undefined;
    if (method === undefined) return { at: reference, why: `uses '${binding.name}' other than by calling its methods (passes it on, or reads a property)` };
    methods.add(method);
  }
  return { methods };
}

/** A binding that holds the whole module: `<module>.<export>.<method>(...)`; its other members are not the export's. */
function moduleBindingUses(index: FileIndex, binding: Binding, exportName: string): BindingUses {
  const methods = new Set<string>();
  for (const reference of index.referencesOf(binding)) {
    const member = index.parentOf(reference);
    if (!isMemberExpression(member) || member.object !== reference) return { at: reference, why: `uses the module object '${binding.name}' as a value` };
    const name = memberName(member);
    if (name === undefined) return { at: reference, why: `reads a computed member of '${binding.name}'` };
    if (name !== exportName) continue;
    const outer = index.parentOf(member);
    const method = isMemberExpression(outer) && outer.object === member ? memberCallOf(index, outer) : undefined;
    if (method === undefined) return { at: reference, why: `uses '${binding.name}.${exportName}' other than by calling its methods` };
    methods.add(method);
  }
  return { methods };
}

/** The method name of `x.method(...)` when `member` is `x.method` and is called; undefined otherwise. */
function memberCallOf(index: FileIndex, member: AstNode): string | undefined {
  const call = index.parentOf(member);
  if (!isCallExpression(call) || call.callee !== member) return undefined;
  return memberName(member);
}
