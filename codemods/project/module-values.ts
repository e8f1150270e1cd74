/**
 * Values exported by the project's own modules, for the transforms to follow across files: a key or a
 * configuration object exported by one module and used by another. Only relative imports of files in the
 * run are followed; each module is parsed once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { indexFile } from '../../src/analysis/file-index.js';
import { isIdentifier, isMemberExpression, memberName, unwrap, type AstNode } from '../../src/analysis/syntax.js';
import { ValueEvaluator, type StaticValue, type TypeOracle } from '../../src/analysis/values.js';
import { parseFile } from '../lib/transformer.js';

const RESOLUTION_SUFFIXES = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.ts', '/index.js', '/index.tsx', '/index.mjs'];

interface ModuleEntry {
  readonly exports: Map<string, AstNode>;
  readonly evaluator: ValueEvaluator;
}

/** Modules kept parsed at once: a run over tens of thousands of files holds a bounded number of trees. */
export const KEPT_MODULES = 500;

export class ProjectModules {
  /** Parsed modules, least recently used first; one dropped is parsed again when asked for again. */
  private readonly modules = new Map<string, ModuleEntry | null>();
  private readonly active = new Set<string>();

  constructor(
    private readonly files: ReadonlySet<string>,
    private readonly kept = KEPT_MODULES,
  ) {}

  /** The oracle a transform of `fromFile` uses. */
  oracleFor(fromFile: string): TypeOracle {
    return {
      literalValueOf: () => undefined,
      importedValue: (specifier, exportName) => this.exportedValue(fromFile, specifier, exportName),
    };
  }

  resolve(fromFile: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = resolve(dirname(fromFile), specifier);
    const withoutJs = base.replace(/\.(m|c)?js$/, '');
    for (const candidate of [base, withoutJs]) {
      for (const suffix of RESOLUTION_SUFFIXES) {
        const path = candidate + suffix;
        if (this.files.has(path) && existsSync(path)) return path;
      }
    }
    return undefined;
  }

  exportedValue(fromFile: string, specifier: string, exportName: string): StaticValue | undefined {
    const path = this.resolve(fromFile, specifier);
    if (!path || this.active.has(path)) return undefined;
    const entry = this.load(path);
    const node = entry?.exports.get(exportName);
    if (!entry || !node) return undefined;
    this.active.add(path);
    try {
      const value = entry.evaluator.evaluate(node);
      return value.kind === 'unknown' ? undefined : value;
    } finally {
      this.active.delete(path);
    }
  }

  private load(path: string): ModuleEntry | undefined {
    const cached = this.modules.get(path);
    if (cached !== undefined) {
      this.modules.delete(path);
      this.modules.set(path, cached);
      return cached ?? undefined;
    }
    let entry: ModuleEntry | null;
    try {
      const source = readFileSync(path, 'utf8');
      const root = parseFile(source, path);
      const index = indexFile(root);
      // Values in this module may import from others in turn.
      const evaluator = new ValueEvaluator(index, this.oracleFor(path));
      entry = { exports: exportedExpressions(index.program, index), evaluator };
    } catch {
      entry = null;
    }
    this.modules.set(path, entry);
    if (this.modules.size > this.kept) this.modules.delete(this.modules.keys().next().value!);
    return entry ?? undefined;
  }
}

/** `export const X = …`, `export { X }`, `export default …`, `module.exports = { X }`, `exports.X = …`. */
function exportedExpressions(program: AstNode, index: ReturnType<typeof indexFile>): Map<string, AstNode> {
  const exports = new Map<string, AstNode>();
  const local = (name: string) => index.moduleBindings().get(name)?.id;
  for (const statement of program.body as AstNode[]) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration as AstNode | null;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations as AstNode[]) {
          if (declarator.id.type === 'Identifier') exports.set(declarator.id.name as string, declarator.id as AstNode);
        }
      }
      if (!statement.source) {
        for (const specifier of (statement.specifiers ?? []) as AstNode[]) {
          const name = specifier.local?.name as string | undefined;
          const exported = (specifier.exported?.name ?? specifier.exported?.value) as string | undefined;
          const id = name ? local(name) : undefined;
          if (exported && id) exports.set(exported, id);
        }
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      exports.set('default', statement.declaration as AstNode);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left, right } = statement.expression as AstNode;
      const target = unwrap(left as AstNode);
      if (isMemberExpression(target) && isIdentifier(unwrap(target.object as AstNode), 'module') && memberName(target) === 'exports') {
        const value = unwrap(right as AstNode);
        if (value.type === 'ObjectExpression') {
          for (const property of value.properties as AstNode[]) {
            const key = property.key?.name ?? property.key?.value;
            if (typeof key === 'string' && property.value) exports.set(key, property.value as AstNode);
          }
        }
        exports.set('default', right as AstNode);
      } else if (isMemberExpression(target)) {
        const object = unwrap(target.object as AstNode);
        const isExports = isIdentifier(object, 'exports') || (isMemberExpression(object) && isIdentifier(unwrap(object.object as AstNode), 'module') && memberName(object) === 'exports');
        const name = memberName(target);
        if (isExports && name) exports.set(name, right as AstNode);
      }
    }
  }
  return exports;
}
