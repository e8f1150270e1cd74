/**
 * What crosses files, on ts-morph: callers of functions that became async (awaited, their own functions
 * made async in turn, or reported), and exported key constants that no module uses any more (removed).
 * Only candidate files are loaded: ts-morph keeps every tree in memory.
 */
import { basename, dirname } from 'node:path';
import { Node, Project, SyntaxKind, ts, type CallExpression, type Identifier, type SourceFile } from 'ts-morph';
import { pinnedKeyFindings } from '../../src/analysis/pinned-keys.js';
import { verificationAnalysisFor } from '../../src/analysis/verify-sites.js';
import { parseFile, type AsyncChange, type ConfigFileEdit, type ReviewNote, type RewriteNote, type TransformName } from '../lib/transformer.js';
import type { ProjectModules } from './module-values.js';

export interface FileState {
  readonly path: string;
  readonly original: string;
  text: string;
  readonly rewrites: RewriteNote[];
  readonly review: ReviewNote[];
  readonly madeAsync: (AsyncChange & { transform: TransformName })[];
  /** Config files the file reads, with properties its rewrite needs removed (the CLI edits them). */
  configEdits?: ConfigFileEdit[];
}

const MAX_ASYNC_DEPTH = 4;

export function runProjectPass(states: Map<string, FileState>, allFiles: readonly string[], modules: ProjectModules, readText: (path: string) => string | undefined): void {
  updateAsyncCallers(states, allFiles, modules, readText);
  removeUnusedKeyConstants(states, allFiles, modules, readText);
}

function stateOf(states: Map<string, FileState>, path: string, readText: (path: string) => string | undefined): FileState | undefined {
  let state = states.get(path);
  if (!state) {
    const text = readText(path);
    if (text === undefined) return undefined;
    state = { path, original: text, text, rewrites: [], review: [], madeAsync: [] };
    states.set(path, state);
  }
  return state;
}

/**
 * Which modules of the run import which, read from one view of the texts (as the run found them, or as
 * rewritten): each file's specifiers are read and resolved once, not once per function that became async.
 * The pass itself changes no import, so a view stays true while it runs.
 */
class ImportGraph {
  private importers: Map<string, string[]> | undefined;

  constructor(
    private readonly allFiles: readonly string[],
    private readonly modules: ProjectModules,
    readonly textOf: (path: string) => string | undefined,
  ) {}

  /** Files that may import `path` under `name`: they import the module and name its file and the export. */
  importersOf(path: string, name: string): string[] {
    const stem = basename(path).replace(/\.[^.]+$/, '');
    // An index module is imported by its folder's name.
    const stems = stem === 'index' ? [stem, basename(dirname(path))] : [stem];
    return (this.graph().get(path) ?? []).filter((file) => {
      const text = this.textOf(file);
      return text !== undefined && text.includes(name) && stems.some((candidate) => text.includes(candidate));
    });
  }

  /** Whether any module of the run imports `path`. */
  hasImporters(path: string): boolean {
    return (this.graph().get(path)?.length ?? 0) > 0;
  }

  private graph(): Map<string, string[]> {
    if (this.importers) return this.importers;
    this.importers = new Map();
    for (const file of this.allFiles) {
      const text = this.textOf(file);
      if (!text) continue;
      const targets = new Set<string>();
      for (const match of text.matchAll(/(?:from\s*|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) {
        const target = this.modules.resolve(file, match[1]!);
        if (target !== undefined && target !== file) targets.add(target);
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

function newProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      allowJs: true,
      checkJs: false,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.Preserve,
      experimentalDecorators: true,
      // The pass follows names and calls, never types: loading TypeScript's own lib files for every
      // project it creates took two thirds of a 2,000-file run.
      noLib: true,
    },
  });
}

interface PendingAsync {
  readonly path: string;
  /** The function that became async; absent when only a CommonJS export of it is known (a re-export). */
  readonly name: string | undefined;
  /** CommonJS exports of the module that are the function (`exports.x = function () {}`, re-exports). */
  readonly commonJsExports?: readonly string[];
  readonly line: number;
  readonly transform: TransformName;
  readonly depth: number;
  readonly exported: boolean;
}

function updateAsyncCallers(states: Map<string, FileState>, allFiles: readonly string[], modules: ProjectModules, readText: (path: string) => string | undefined): void {
  const queue: PendingAsync[] = [];
  for (const state of states.values()) {
    for (const change of state.madeAsync) {
      if (change.name) queue.push({ path: state.path, name: change.name, line: change.line, transform: change.transform, depth: 0, exported: change.exported });
    }
  }
  const textOf = (path: string) => states.get(path)?.text ?? readText(path);
  const imports = new ImportGraph(allFiles, modules, textOf);
  const visited = new Set<string>();
  while (queue.length > 0) {
    const pending = queue.shift()!;
    const key = `${pending.path}\0${pending.name ?? ''}\0${(pending.commonJsExports ?? []).join(',')}`;
    if (visited.has(key)) continue;
    visited.add(key);
    const definitionText = textOf(pending.path);
    if (definitionText === undefined || withoutCallers(pending, definitionText, imports)) continue;
    const project = newProject();
    const definition = project.createSourceFile(pending.path, definitionText, { overwrite: true });
    const nameNode = pending.name ? findFunctionName(definition, pending.name) : undefined;
    // A named function expression assigned to an export (`module.exports = function verify() {}`) is found by its export.
    const assigned = !nameNode && pending.name ? definition.getDescendantsOfKind(SyntaxKind.FunctionExpression).find((fn) => fn.getName() === pending.name) : undefined;
    const exportNames = [...new Set([...(pending.commonJsExports ?? []), ...(nameNode ? commonJsExportNames(definition, nameNode.getText()) : []), ...(assigned ? commonJsExportsOfFunction(assigned) : [])])];
    if (!nameNode && exportNames.length === 0) continue;
    // CommonJS: every module that requires this one, since the module object may be handed on without naming the export.
    const searched = [pending.name, ...(exportNames.length > 0 ? [''] : [])].filter((name): name is string => name !== undefined);
    const importers = [...new Set(searched.flatMap((name) => imports.importersOf(pending.path, name)))];
    const sources = new Map<string, SourceFile>([[pending.path, definition]]);
    for (const file of importers) {
      const text = textOf(file);
      if (text !== undefined) sources.set(file, project.createSourceFile(file, text, { overwrite: true }));
    }
    const awaitCall = (call: CallExpression, displayName: string) => awaitAsyncCall(call, displayName, pending, queue, states, readText);
    // CommonJS importers: require() followed by hand (destructuring, members of the required object, re-exports).
    for (const [path, file] of sources) {
      if (path === pending.path || exportNames.length === 0) continue;
      const state = stateOf(states, path, readText);
      if (!state) continue;
      const uses = commonJsUses(file, path, pending.path, exportNames, modules);
      for (const call of uses.calls) awaitCall(call, pending.name ?? exportNames[0]!);
      for (const { line, reason } of uses.unfollowed) state.review.push({ transform: pending.transform, line, reason: `${pending.name ?? exportNames[0]}() is async now and ${reason}` });
      if (uses.reexports.length > 0) {
        queue.push({ path, name: undefined, commonJsExports: uses.reexports, line: pending.line, transform: pending.transform, depth: pending.depth, exported: true });
      }
      state.text = file.getFullText();
    }
    if (!nameNode) continue;
    // A module-private function has all its callers here: once they are updated, nothing is left to review.
    if (!pending.exported && pending.depth === 0) {
      const state = states.get(pending.path);
      const note = state?.review.findIndex((item) => item.reason.startsWith(`${pending.name} became async`)) ?? -1;
      if (state && note >= 0) state.review.splice(note, 1);
    }
    for (const reference of referencesOf(nameNode)) {
      const call = callOf(reference);
      if (call) awaitCall(call, pending.name!);
    }
  }
}

/**
 * A function that no module of the run imports from its module, and that its own module names only where
 * it declares it, has no call to await (an exported request handler a framework or a serverless platform
 * calls by its file's name, for one): the pass moves on without parsing anything. The language service
 * finds references by looking for the name's text too, so the search would find nothing either. A
 * module-private function takes the full search, which also settles its note.
 */
function withoutCallers(pending: PendingAsync, definitionText: string, imports: ImportGraph): boolean {
  if (pending.name === undefined || (pending.commonJsExports?.length ?? 0) > 0 || (!pending.exported && pending.depth === 0)) return false;
  if (imports.hasImporters(pending.path)) return false;
  const mentions = definitionText.match(new RegExp(`(?<![\\w$])${pending.name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'));
  return (mentions?.length ?? 0) <= 1;
}

/** Awaits one call of a function that became async, making its own function async in turn (queued) or reporting it. */
function awaitAsyncCall(call: CallExpression, name: string, pending: PendingAsync, queue: PendingAsync[], states: Map<string, FileState>, readText: (path: string) => string | undefined): void {
  const file = call.getSourceFile();
  const state = stateOf(states, file.getFilePath(), readText);
  if (!state || call.getParentIfKind(SyntaxKind.AwaitExpression)) return;
  const line = call.getStartLineNumber();
  const fn = call.getFirstAncestor((node) => Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node));
  if (!fn) {
    const esm = file.getImportDeclarations().length > 0 || file.getExportDeclarations().length > 0 || file.getExportAssignments().length > 0;
    if (!esm) {
      state.review.push({ transform: pending.transform, line, reason: `${name}() is async now and this top-level call in a CommonJS module cannot await it: update it by hand` });
      return;
    }
  } else if (!isAsync(fn)) {
    if (Node.isGetAccessorDeclaration(fn) || Node.isSetAccessorDeclaration(fn) || Node.isConstructorDeclaration(fn) || isGenerator(fn)) {
      state.review.push({ transform: pending.transform, line, reason: `${name}() is async now and its caller cannot be async (a getter, setter, constructor or generator): update it by hand` });
      return;
    }
    const callerName = functionName(fn);
    const callerExports = commonJsExportsOfFunction(fn);
    (fn as unknown as { setIsAsync(value: boolean): void }).setIsAsync(true);
    // A declared return type becomes a promise of it.
    const returnType = (fn as unknown as { getReturnTypeNode?(): Node | undefined }).getReturnTypeNode?.();
    if (returnType && !/^Promise\s*</.test(returnType.getText())) returnType.replaceWithText(`Promise<${returnType.getText()}>`);
    if ((callerName || callerExports.length > 0) && pending.depth < MAX_ASYNC_DEPTH) {
      queue.push({ path: file.getFilePath(), name: callerName, commonJsExports: callerExports, line: fn.getStartLineNumber(), transform: pending.transform, depth: pending.depth + 1, exported: true });
    } else {
      state.review.push({ transform: pending.transform, line, reason: `the function around this call became async: its callers must await it` });
    }
  }
  const parenthesize = needsParentheses(call);
  call.replaceWithText(parenthesize ? `(await ${call.getText()})` : `await ${call.getText()}`);
  state.rewrites.push({ transform: pending.transform, line });
  state.text = file.getFullText();
}

/**
 * Where the name a declaration introduces is used, as nodes, the declaration's own name among them. The
 * language service's references alone: ts-morph's `findReferencesAsNodes` also describes each definition
 * (its signature as display text), a third of the time of the search, which the pass never reads.
 */
function referencesOf(name: Node): Node[] {
  const file = name.getSourceFile();
  const project = file.getProject();
  const entries = project.getLanguageService().compilerObject.getReferencesAtPosition(file.getFilePath(), name.getStart()) ?? [];
  return entries.flatMap((entry) => project.getSourceFile(entry.fileName)?.getDescendantAtStartWithWidth(entry.textSpan.start, entry.textSpan.length) ?? []);
}

function findFunctionName(file: SourceFile, name: string): Identifier | undefined {
  const declaration = file.getFunction(name)?.getNameNode() ?? file.getVariableDeclaration(name)?.getNameNode();
  if (declaration && Node.isIdentifier(declaration)) return declaration;
  for (const classDeclaration of file.getClasses()) {
    const method = classDeclaration.getMethod(name)?.getNameNode();
    if (method && Node.isIdentifier(method)) return method;
  }
  return undefined;
}

function callOf(reference: Node): CallExpression | undefined {
  const parent = reference.getParent();
  if (Node.isCallExpression(parent) && parent.getExpression() === reference) return parent;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === reference) {
    const call = parent.getParent();
    if (Node.isCallExpression(call) && call.getExpression() === parent) return call;
  }
  return undefined;
}

function isAsync(fn: Node): boolean {
  return (fn as unknown as { isAsync?(): boolean }).isAsync?.() ?? false;
}

function isGenerator(fn: Node): boolean {
  return (fn as unknown as { isGenerator?(): boolean }).isGenerator?.() ?? false;
}

function functionName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) return fn.getName();
  const parent = fn.getParent();
  if (Node.isVariableDeclaration(parent)) return parent.getName();
  return undefined;
}

function needsParentheses(call: CallExpression): boolean {
  const parent = call.getParent();
  return (
    (Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === call
  ) || (Node.isCallExpression(parent) && parent.getExpression() === call);
}

/**
 * Exported constants that hold a key, which modules of this run imported before and none does now: the
 * rewrite replaced their uses, so they go. Constants nobody in the run imported may be used from
 * elsewhere, and stay (reported).
 */
function removeUnusedKeyConstants(states: Map<string, FileState>, allFiles: readonly string[], modules: ProjectModules, readText: (path: string) => string | undefined): void {
  const before = new ImportGraph(allFiles, modules, (path: string) => states.get(path)?.original ?? readText(path));
  const after = new ImportGraph(allFiles, modules, (path: string) => states.get(path)?.text ?? readText(path));
  for (const path of allFiles) {
    const text = after.textOf(path);
    if (!text || !/-----BEGIN|\bkty\b/.test(text)) continue;
    let constants: string[];
    try {
      const analysis = verificationAnalysisFor(parseFile(text, path));
      constants = pinnedKeyFindings(analysis, text, {}, false).flatMap((finding) => (finding.kind === 'constant' ? [finding.name] : []));
    } catch {
      continue;
    }
    // `export default KEY;` exports it as the module itself: a default import may name it anything, so any
    // importer of the module counts for that export.
    const exportedAsDefault = (name: string) => new RegExp(`^export default ${name};?$`, 'm').test(after.textOf(path) ?? text);
    for (const name of constants) {
      const asDefault = exportedAsDefault(name);
      const importedBefore = before.importersOf(path, name).length > 0 || (asDefault && before.hasImporters(path));
      const importedAfter = after.importersOf(path, name).length > 0 || (asDefault && after.hasImporters(path));
      if (!importedBefore || importedAfter) continue;
      // A constant removed before changed the module's text: this one is looked for in that text.
      const project = newProject();
      const file = project.createSourceFile(path, after.textOf(path) ?? text, { overwrite: true });
      for (const assignment of file.getExportAssignments()) {
        if (!assignment.isExportEquals() && assignment.getExpression().getText() === name) assignment.remove();
      }
      const declaration = file.getVariableDeclaration(name);
      const statement = declaration?.getVariableStatement();
      // Still read inside its own module: keep it, only the export could go, which is for a person to decide.
      if (!declaration || !statement || referencesOf(declaration.getNameNode()).some((node) => node !== declaration.getNameNode())) continue;
      const line = statement.getStartLineNumber();
      if (statement.getDeclarations().length === 1) statement.remove();
      else declaration.remove();
      const state = stateOf(states, path, readText)!;
      state.text = file.getFullText();
      state.rewrites.push({ transform: 'jwks-discovery', line });
      // The transform's note that the constant waits for this pass is settled now.
      for (let index = state.review.length - 1; index >= 0; index--) {
        if (state.review[index]!.reason.startsWith(`'${name}' holds a key for other modules`)) state.review.splice(index, 1);
      }
      // `module.exports = { KEY }` and `export { KEY }` entries are removed with it only when ts-morph saw them;
      // a remaining mention fails the parse check or is reported below.
      if (new RegExp(`\\b${name}\\b`).test(state.text)) {
        state.review.push({ transform: 'jwks-discovery', line, reason: `'${name}' was removed, but the module still names it (an export list?): remove that by hand` });
      }
    }
    emptyModuleLeftByRemoval(states.get(path), path);
  }
}

/**
 * A module that held nothing but the removed key constants: the comments left in it described them ("Okta's
 * signing keys, pasted from ..."), so they go too, and a person is told to delete the file (nothing in the run
 * imports it any more). A licence or a lint directive keeps the text as it is.
 */
function emptyModuleLeftByRemoval(state: FileState | undefined, path: string): void {
  if (!state || state.text === state.original || state.text.trim() === '') return;
  const file = newProject().createSourceFile(path, state.text, { overwrite: true });
  if (file.getStatements().length > 0 || /@license|@preserve|copyright|eslint|@ts-/i.test(state.text)) return;
  state.text = '';
  state.review.push({ transform: 'jwks-discovery', line: 1, reason: 'the module held only the key constants that were removed, and nothing in the run imports it: delete the file' });
}

/** `module.exports` or `exports`. */
function isExportsObject(node: Node): boolean {
  if (Node.isIdentifier(node)) return node.getText() === 'exports';
  return Node.isPropertyAccessExpression(node) && node.getName() === 'exports' && Node.isIdentifier(node.getExpression()) && node.getExpression().getText() === 'module';
}

/** `module.exports` itself. */
function isModuleExports(node: Node): boolean {
  return Node.isPropertyAccessExpression(node) && isExportsObject(node) && !Node.isIdentifier(node);
}

/** The export a node is assigned to, when it is the value of a CommonJS export: `exports.x = node`, `module.exports = { x: node }`, `module.exports = node`. */
function commonJsExportOf(node: Node): string | undefined {
  const parent = node.getParent();
  if (Node.isBinaryExpression(parent) && parent.getRight() === node && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    const left = parent.getLeft();
    if (Node.isPropertyAccessExpression(left) && isExportsObject(left.getExpression())) return left.getName();
    if (isModuleExports(left)) return 'default';
    return undefined;
  }
  if (Node.isShorthandPropertyAssignment(parent) || (Node.isPropertyAssignment(parent) && parent.getInitializer() === node && !Node.isComputedPropertyName(parent.getNameNode()))) {
    const object = parent.getParent();
    const assignment = object?.getParent();
    if (Node.isObjectLiteralExpression(object) && Node.isBinaryExpression(assignment) && assignment.getRight() === object && isModuleExports(assignment.getLeft())) return parent.getName();
  }
  return undefined;
}

/** The names a CommonJS module exports a top-level binding under. */
function commonJsExportNames(file: SourceFile, localName: string): string[] {
  const names: string[] = [];
  // Only `exports` and `module.exports` export anything: a module that never names them (an ES module)
  // is not walked identifier by identifier.
  if (!file.getFullText().includes('exports')) return names;
  for (const identifier of file.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (identifier.getText() !== localName) continue;
    const name = commonJsExportOf(identifier);
    if (name) names.push(name);
  }
  return names;
}

/** The exports a function expression is assigned to directly (`exports.check = function () {}`). */
function commonJsExportsOfFunction(fn: Node): string[] {
  const name = commonJsExportOf(fn);
  return name ? [name] : [];
}

interface CommonJsUses {
  readonly calls: CallExpression[];
  /** Exports of the importing module that pass the function on. */
  readonly reexports: string[];
  readonly unfollowed: { line: number; reason: string }[];
}

/**
 * Where a CommonJS module uses exports of `target` (by `require`): calls, re-exports, and uses this pass
 * cannot follow (the function passed on as a value, the module object handed elsewhere).
 */
function commonJsUses(file: SourceFile, path: string, target: string, exportNames: readonly string[], modules: ProjectModules): CommonJsUses {
  const uses: CommonJsUses = { calls: [], reexports: [], unfollowed: [] };
  const wanted = new Set(exportNames);
  const defaultExport = wanted.has('default');
  /** A node that evaluates to the function. */
  const useOfFunction = (node: Node) => {
    const parent = node.getParent();
    if (Node.isCallExpression(parent) && parent.getExpression() === node) {
      uses.calls.push(parent);
      return;
    }
    const exported = commonJsExportOf(node);
    if (exported) {
      uses.reexports.push(exported);
      return;
    }
    // Read but not called (`typeof f`, `if (f)`) is harmless; passed on as a value is not followed.
    if (Node.isCallExpression(parent) || Node.isArrayLiteralExpression(parent) || Node.isPropertyAssignment(parent) || Node.isVariableDeclaration(parent) || Node.isReturnStatement(parent)) {
      uses.unfollowed.push({ line: node.getStartLineNumber(), reason: `${node.getText()} is passed on here as a value, which this run does not follow: make sure what calls it awaits its promise (Express 5 and Koa middleware may be async)` });
    }
  };
  /** A node that evaluates to the whole module object. */
  const useOfModule = (node: Node) => {
    const parent = node.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === node) {
      if (wanted.has(parent.getName())) useOfFunction(parent);
      return;
    }
    if (defaultExport) {
      useOfFunction(node);
      return;
    }
    if (Node.isSpreadAssignment(parent) || commonJsExportOf(node) === 'default') {
      uses.reexports.push(...exportNames);
      return;
    }
    if (Node.isElementAccessExpression(parent) || Node.isCallExpression(parent) || Node.isPropertyAssignment(parent) || Node.isShorthandPropertyAssignment(parent) || Node.isReturnStatement(parent)) {
      uses.unfollowed.push({ line: node.getStartLineNumber(), reason: `the module object of ${target.slice(target.lastIndexOf('/') + 1)} is used here in a way this run does not follow: await its calls by hand` });
    }
  };
  const localUses = (declaration: Node, each: (node: Node) => void) => {
    for (const reference of referencesOf(declaration)) {
      if (reference.getSourceFile() !== file || reference === declaration) continue;
      each(reference);
    }
  };
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const [argument] = call.getArguments();
    if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || !argument || !Node.isStringLiteral(argument)) continue;
    if (modules.resolve(path, argument.getLiteralValue()) !== target) continue;
    const parent = call.getParent();
    if (Node.isVariableDeclaration(parent) && parent.getInitializer() === call) {
      const name = parent.getNameNode();
      if (Node.isIdentifier(name)) localUses(name, useOfModule);
      else if (Node.isObjectBindingPattern(name)) {
        for (const element of name.getElements()) {
          const imported = element.getPropertyNameNode()?.getText() ?? element.getName();
          const local = element.getNameNode();
          if (element.getDotDotDotToken() && Node.isIdentifier(local)) localUses(local, useOfModule);
          else if (wanted.has(imported) && Node.isIdentifier(local)) localUses(local, useOfFunction);
        }
      }
    } else useOfModule(call);
  }
  return uses;
}
