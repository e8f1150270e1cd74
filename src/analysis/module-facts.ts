/**
 * Values that the project's other modules export, followed without type information (most JavaScript has
 * none). One cache per process of parsed module facts, keyed by resolved path and invalidated by mtime, as
 * eslint-plugin-import-x's export map does: a lint run parses each neighbour once, and an editor session
 * that lints one file again re-reads only what changed on disk. Host-neutral: ESLint, oxlint and the
 * codemod CLI all use it; neighbours are parsed with typescript-estree, loaded only when one must be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { KNOWN_MODULES } from '../knowledge/libraries.js';
import { indexFile, patternNames, type FileIndex } from './file-index.js';
import { resolveModule } from './module-resolution.js';
import { isIdentifier, isMemberExpression, memberName, stringLiteralValue, unwrap, type AstNode } from './syntax.js';
import { fromPlain, MODULE_OBJECT, ValueEvaluator, type StaticProperty, type StaticValue, type TypeOracle } from './values.js';

/** How far values are followed from module to module, and how many modules one lookup may touch. */
const MAX_HOPS = 8;
const MAX_STAR_EXPORTS = 16;
const MAX_FILE_BYTES = 512 * 1024;

type ExportFact =
  /** A node of this module that holds the value: a declaring identifier or an expression. */
  | { readonly kind: 'local'; readonly node: AstNode }
  /** `export { a as b } from './x'` (name `a`), `export * as ns from './x'` (name `*`). */
  | { readonly kind: 're-export'; readonly from: string; readonly name: string };

interface ModuleFacts {
  readonly path: string;
  readonly index?: FileIndex;
  /** A JSON module's content. */
  readonly json?: StaticValue;
  readonly exports: ReadonlyMap<string, ExportFact>;
  /** `export * from` specifiers. */
  readonly stars: readonly string[];
  /** `module.exports = X` or `export = X`. */
  readonly commonJsValue?: AstNode;
}

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly facts: ModuleFacts | null;
}

/** What the cache has done since the process started (or since `resetModuleFactsStats`). */
export interface ModuleFactsStats {
  /** Modules read from disk and parsed (a changed module counts again). */
  modulesRead: number;
  /** Lookups served from the cache without reading. */
  cacheHits: number;
  /** Modules that could not be read or parsed. */
  failures: number;
}

const cache = new Map<string, CacheEntry>();

/**
 * The counters live on a global symbol, so that a host that loads the bundled plugin (the benchmark's
 * lint child) can read how many modules were read beyond the linted files without a second entry point.
 */
interface GlobalStats extends ModuleFactsStats {
  /** Every module read from disk, by resolved path. */
  readonly pathsRead: Set<string>;
}
const STATS_KEY = Symbol.for('eslint-plugin-oidc.module-facts.stats');
const globalStore = globalThis as unknown as Record<symbol, GlobalStats | undefined>;
const stats: GlobalStats = (globalStore[STATS_KEY] ??= { modulesRead: 0, cacheHits: 0, failures: 0, pathsRead: new Set() });

export function moduleFactsStats(): Readonly<ModuleFactsStats> & { readonly pathsRead: ReadonlySet<string> } {
  return { modulesRead: stats.modulesRead, cacheHits: stats.cacheHits, failures: stats.failures, pathsRead: new Set(stats.pathsRead) };
}

export function resetModuleFactsStats(): void {
  stats.modulesRead = 0;
  stats.cacheHits = 0;
  stats.failures = 0;
  stats.pathsRead.clear();
}

/** Drops every cached module (tests; a host that knows files were replaced wholesale). */
export function clearModuleFacts(): void {
  cache.clear();
}

/** Parses a neighbour into either dialect the analysis reads. */
export type ModuleParser = (source: string, path: string) => AstNode;

interface TypescriptEstree {
  parse(code: string, options: Record<string, unknown>): AstNode;
}
let typescriptEstree: TypescriptEstree | undefined;

/**
 * typescript-estree, which comes with `@typescript-eslint/utils` (the plugin's one dependency); required
 * only when a neighbour must be parsed, so that loading the plugin stays light.
 */
function defaultParser(source: string, path: string): AstNode {
  if (!typescriptEstree) {
    const base = typeof __filename === 'string' ? __filename : import.meta.url;
    const load = createRequire(base);
    try {
      typescriptEstree = load('@typescript-eslint/typescript-estree') as TypescriptEstree;
    } catch {
      // Strict installs (pnpm) give it to `@typescript-eslint/utils`, not to the plugin: ask from there.
      typescriptEstree = createRequire(load.resolve('@typescript-eslint/utils'))('@typescript-eslint/typescript-estree') as TypescriptEstree;
    }
  }
  return typescriptEstree.parse(source, {
    loc: true,
    range: true,
    comment: false,
    tokens: false,
    jsx: !/\.[mc]?ts$/.test(path),
    filePath: path,
  });
}

function loadFacts(path: string, parse: ModuleParser): ModuleFacts | undefined {
  let fileStats;
  try {
    fileStats = statSync(path);
  } catch {
    return undefined;
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === fileStats.mtimeMs && cached.size === fileStats.size) {
    stats.cacheHits++;
    return cached.facts ?? undefined;
  }
  let facts: ModuleFacts | null = null;
  if (fileStats.size <= MAX_FILE_BYTES) {
    stats.modulesRead++;
    stats.pathsRead.add(path);
    try {
      const source = readFileSync(path, 'utf8');
      facts = path.endsWith('.json') ? jsonFacts(path, source) : sourceFacts(path, parse(source.replace(/^#!.*/, ''), path));
    } catch {
      facts = null;
    }
  }
  if (!facts) stats.failures++;
  cache.set(path, { mtimeMs: fileStats.mtimeMs, size: fileStats.size, facts });
  return facts ?? undefined;
}

function jsonFacts(path: string, source: string): ModuleFacts {
  const document: AstNode = { type: 'JSONDocument', loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, range: [0, source.length] };
  const json = fromPlain(JSON.parse(source.replace(/^\uFEFF/, '')), document);
  return { path, json, exports: new Map(), stars: [] };
}

/** What a module exports, ESM and CommonJS, read from its top-level statements. */
function sourceFacts(path: string, root: AstNode): ModuleFacts {
  const index = indexFile(root);
  const exports = new Map<string, ExportFact>();
  const stars: string[] = [];
  let commonJsValue: AstNode | undefined;
  const local = (name: string) => index.moduleBindings().get(name)?.id;

  for (const statement of index.program.body as AstNode[]) {
    switch (statement.type) {
      case 'ExportNamedDeclaration': {
        const declaration = statement.declaration as AstNode | null;
        if (declaration?.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations as AstNode[]) {
            for (const name of patternNames(declarator.id as AstNode)) exports.set(name.id.name as string, { kind: 'local', node: name.id });
          }
        } else if (declaration?.id && isIdentifier(declaration.id as AstNode)) {
          exports.set(declaration.id.name as string, { kind: 'local', node: declaration.id as AstNode });
        }
        const from = stringLiteralValue(statement.source as AstNode | undefined);
        for (const specifier of (statement.specifiers ?? []) as AstNode[]) {
          const exported = exportedName(specifier.exported as AstNode | undefined);
          if (exported === undefined) continue;
          if (specifier.type === 'ExportNamespaceSpecifier') {
            if (from !== undefined) exports.set(exported, { kind: 're-export', from, name: MODULE_OBJECT });
            continue;
          }
          const localName = exportedName(specifier.local as AstNode | undefined);
          if (localName === undefined) continue;
          if (from !== undefined) exports.set(exported, { kind: 're-export', from, name: localName });
          else {
            const id = local(localName);
            if (id) exports.set(exported, { kind: 'local', node: id });
          }
        }
        break;
      }
      case 'ExportAllDeclaration': {
        const from = stringLiteralValue(statement.source as AstNode);
        if (from === undefined) break;
        const exported = exportedName(statement.exported as AstNode | undefined);
        if (exported !== undefined) exports.set(exported, { kind: 're-export', from, name: MODULE_OBJECT });
        else stars.push(from);
        break;
      }
      case 'ExportDefaultDeclaration':
        exports.set('default', { kind: 'local', node: statement.declaration as AstNode });
        break;
      case 'TSExportAssignment':
        commonJsValue = statement.expression as AstNode;
        break;
      case 'ExpressionStatement': {
        const expression = unwrap(statement.expression as AstNode);
        if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') break;
        const target = unwrap(expression.left as AstNode);
        if (isModuleExports(target, index)) {
          commonJsValue = expression.right as AstNode;
        } else if (isMemberExpression(target) && (isModuleExports(unwrap(target.object as AstNode), index) || isExportsObject(unwrap(target.object as AstNode), index))) {
          const name = memberName(target);
          if (name !== undefined) exports.set(name, { kind: 'local', node: expression.right as AstNode });
        }
        break;
      }
      default:
        break;
    }
  }
  return { path, index, exports, stars, ...(commonJsValue ? { commonJsValue } : {}) };
}

function exportedName(node: AstNode | undefined): string | undefined {
  if (!node) return undefined;
  return node.type === 'Identifier' ? (node.name as string) : stringLiteralValue(node);
}

function isModuleExports(node: AstNode, index: FileIndex): boolean {
  return isMemberExpression(node) && memberName(node) === 'exports' && isIdentifier(unwrap(node.object as AstNode), 'module') && !index.resolve(unwrap(node.object as AstNode));
}

function isExportsObject(node: AstNode, index: FileIndex): boolean {
  return isIdentifier(node, 'exports') && !index.resolve(node);
}

export interface ModuleValuesOptions {
  /** How neighbours are parsed; typescript-estree unless the host has its own (the codemod CLI: jscodeshift's). */
  readonly parse?: ModuleParser;
}

/**
 * Values across modules for one lint (or transform) session: evaluations are kept for the session only,
 * parsed facts for the process (by mtime), so that a module changed on disk is never answered from an old
 * evaluation of a module that imports it.
 */
export class ModuleValues {
  private readonly evaluators = new Map<string, ValueEvaluator>();
  private readonly active = new Set<string>();
  private readonly parse: ModuleParser;

  constructor(options: ModuleValuesOptions = {}) {
    this.parse = options.parse ?? defaultParser;
  }

  /** The oracle the evaluator of `fromFile` asks about its imports. */
  oracleFor(fromFile: string, types?: TypeOracle): TypeOracle {
    return {
      literalValueOf: (node) => types?.literalValueOf(node),
      importedValue: (specifier, exportName) => this.exportedValue(fromFile, specifier, exportName),
    };
  }

  /** The value module `specifier` (seen from `fromFile`) exports as `exportName`; `*` for the whole module. */
  exportedValue(fromFile: string, specifier: string, exportName: string): StaticValue | undefined {
    // The libraries the plugin knows and Node's own modules are never the project's configuration.
    if (KNOWN_MODULES.has(specifier) || isBuiltin(specifier)) return undefined;
    const path = resolveModule(fromFile, specifier);
    if (!path) return undefined;
    const value = this.valueOf(path, exportName, 0);
    return value && value.kind !== 'unknown' ? value : undefined;
  }

  private valueOf(path: string, name: string, hops: number): StaticValue | undefined {
    const key = `${path}\0${name}`;
    if (hops > MAX_HOPS || this.active.has(key)) return undefined;
    const facts = loadFacts(path, this.parse);
    if (!facts) return undefined;
    this.active.add(key);
    try {
      return this.compute(facts, name, hops);
    } finally {
      this.active.delete(key);
    }
  }

  private compute(facts: ModuleFacts, name: string, hops: number): StaticValue | undefined {
    if (facts.json) {
      if (name === MODULE_OBJECT || name === 'default') return facts.json;
      return facts.json.kind === 'object' ? facts.json.properties.get(name)?.value : undefined;
    }
    const evaluator = this.evaluatorOf(facts);
    if (name === MODULE_OBJECT) return this.moduleObject(facts, evaluator, hops);

    const fact = facts.exports.get(name);
    if (fact?.kind === 'local') return evaluator.evaluate(fact.node);
    if (fact?.kind === 're-export') {
      const target = resolveModule(facts.path, fact.from);
      return target ? this.valueOf(target, fact.name, hops + 1) : undefined;
    }
    if (facts.commonJsValue) {
      const whole = evaluator.evaluate(facts.commonJsValue);
      // `import config from './config.js'` of a CommonJS module is its `module.exports`.
      if (name === 'default') return whole;
      return whole.kind === 'object' ? whole.properties.get(name)?.value : undefined;
    }
    if (name === 'default') return undefined;
    for (const from of facts.stars.slice(0, MAX_STAR_EXPORTS)) {
      const target = resolveModule(facts.path, from);
      const value = target ? this.valueOf(target, name, hops + 1) : undefined;
      if (value && value.kind !== 'unknown') return value;
    }
    return undefined;
  }

  /** A namespace object: every export by name (and `default`), or what `module.exports` was set to. */
  private moduleObject(facts: ModuleFacts, evaluator: ValueEvaluator, hops: number): StaticValue {
    const node = facts.index!.program;
    if (facts.commonJsValue) {
      const whole = evaluator.evaluate(facts.commonJsValue);
      if (whole.kind !== 'object' || facts.exports.size === 0) return whole;
      // `module.exports = { a }` followed by `module.exports.b = …`.
      const properties = new Map(whole.properties);
      for (const name of facts.exports.keys()) this.addProperty(properties, facts, name, hops, node);
      return { ...whole, properties };
    }
    const properties = new Map<string, StaticProperty>();
    let complete = true;
    for (const from of facts.stars.slice(0, MAX_STAR_EXPORTS)) {
      const target = resolveModule(facts.path, from);
      const value = target ? this.valueOf(target, MODULE_OBJECT, hops + 1) : undefined;
      if (value?.kind === 'object') {
        for (const [name, property] of value.properties) if (name !== 'default') properties.set(name, property);
      } else {
        complete = false;
      }
    }
    for (const name of facts.exports.keys()) this.addProperty(properties, facts, name, hops, node);
    return { kind: 'object', properties, complete, node };
  }

  private addProperty(properties: Map<string, StaticProperty>, facts: ModuleFacts, name: string, hops: number, node: AstNode): void {
    const value = this.compute(facts, name, hops + 1);
    if (!value) return;
    const fact = facts.exports.get(name);
    const valueNode = fact?.kind === 'local' ? fact.node : node;
    properties.set(name, { value, valueNode, memberNode: valueNode });
  }

  private evaluatorOf(facts: ModuleFacts): ValueEvaluator {
    let evaluator = this.evaluators.get(facts.path);
    // Facts re-read after a change on disk are a new index: evaluations of the old one are dropped.
    if (!evaluator || evaluator.index !== facts.index) {
      evaluator = new ValueEvaluator(facts.index!, this.oracleFor(facts.path));
      this.evaluators.set(facts.path, evaluator);
    }
    return evaluator;
  }
}
