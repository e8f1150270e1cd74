/**
 * What crosses files, on ts-morph: callers of functions that became async (awaited, their own functions
 * made async in turn, or reported), and exported key constants that no module uses any more (removed).
 * Only candidate files are loaded: ts-morph keeps every tree in memory.
 */
import { basename } from 'node:path';
import { Node, Project, SyntaxKind, ts, type CallExpression, type Identifier, type SourceFile } from 'ts-morph';
import { pinnedKeyFindings } from '../../src/analysis/pinned-keys.js';
import { verificationAnalysisFor } from '../../src/analysis/verify-sites.js';
import { parseFile, type AsyncChange, type ReviewNote, type RewriteNote, type TransformName } from '../lib/transformer.js';
import type { ProjectModules } from './module-values.js';

export interface FileState {
  readonly path: string;
  readonly original: string;
  text: string;
  readonly rewrites: RewriteNote[];
  readonly review: ReviewNote[];
  readonly madeAsync: (AsyncChange & { transform: TransformName })[];
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

/** Files that may import `path`: they name the module's file name and the export. */
function importersOf(path: string, name: string, allFiles: readonly string[], modules: ProjectModules, textOf: (path: string) => string | undefined): string[] {
  const stem = basename(path).replace(/\.[^.]+$/, '');
  return allFiles.filter((file) => {
    if (file === path) return false;
    const text = textOf(file);
    if (!text || !text.includes(name) || !text.includes(stem)) return false;
    const specifiers = [...text.matchAll(/(?:from\s*|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
    return specifiers.some((specifier) => modules.resolve(file, specifier) === path);
  });
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
  readonly name: string;
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
  while (queue.length > 0) {
    const pending = queue.shift()!;
    const project = newProject();
    const files = [pending.path, ...importersOf(pending.path, pending.name, allFiles, modules, textOf)];
    const sources = new Map<string, SourceFile>();
    for (const file of files) {
      const text = textOf(file);
      if (text !== undefined) sources.set(file, project.createSourceFile(file, text, { overwrite: true }));
    }
    const definition = sources.get(pending.path);
    const nameNode = definition ? findFunctionName(definition, pending.name) : undefined;
    if (!nameNode) continue;
    // A module-private function has all its callers here: once they are updated, nothing is left to review.
    if (!pending.exported && pending.depth === 0) {
      const state = states.get(pending.path);
      const note = state?.review.findIndex((item) => item.reason.startsWith(`${pending.name} became async`)) ?? -1;
      if (state && note >= 0) state.review.splice(note, 1);
    }
    for (const reference of nameNode.findReferencesAsNodes()) {
      const call = callOf(reference);
      const file = reference.getSourceFile();
      const state = stateOf(states, file.getFilePath(), readText);
      if (!call || !state) continue;
      if (call.getParentIfKind(SyntaxKind.AwaitExpression)) continue;
      const line = call.getStartLineNumber();
      const fn = call.getFirstAncestor((node) => Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node));
      if (!fn) {
        const esm = file.getImportDeclarations().length > 0 || file.getExportDeclarations().length > 0 || file.getExportAssignments().length > 0;
        if (!esm) {
          state.review.push({ transform: pending.transform, line, reason: `${pending.name}() is async now and this top-level call in a CommonJS module cannot await it: update it by hand` });
          continue;
        }
      } else if (!isAsync(fn)) {
        if (Node.isGetAccessorDeclaration(fn) || Node.isSetAccessorDeclaration(fn) || Node.isConstructorDeclaration(fn) || isGenerator(fn)) {
          state.review.push({ transform: pending.transform, line, reason: `${pending.name}() is async now and its caller cannot be async (a getter, setter, constructor or generator): update it by hand` });
          continue;
        }
        const callerName = functionName(fn);
        (fn as unknown as { setIsAsync(value: boolean): void }).setIsAsync(true);
        // A declared return type becomes a promise of it.
        const returnType = (fn as unknown as { getReturnTypeNode?(): Node | undefined }).getReturnTypeNode?.();
        if (returnType && !/^Promise\s*</.test(returnType.getText())) returnType.replaceWithText(`Promise<${returnType.getText()}>`);
        if (callerName && pending.depth < MAX_ASYNC_DEPTH) {
          queue.push({ path: file.getFilePath(), name: callerName, line: fn.getStartLineNumber(), transform: pending.transform, depth: pending.depth + 1, exported: true });
        } else {
          state.review.push({ transform: pending.transform, line, reason: `the function around this call became async: its callers must await it` });
        }
      }
      const parenthesize = needsParentheses(call);
      call.replaceWithText(parenthesize ? `(await ${call.getText()})` : `await ${call.getText()}`);
      state.rewrites.push({ transform: pending.transform, line });
      state.text = file.getFullText();
    }
  }
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
  const originalText = (path: string) => states.get(path)?.original ?? readText(path);
  const currentText = (path: string) => states.get(path)?.text ?? readText(path);
  for (const path of allFiles) {
    const text = currentText(path);
    if (!text || !/-----BEGIN|\bkty\b/.test(text)) continue;
    let constants: string[];
    try {
      const analysis = verificationAnalysisFor(parseFile(text, path));
      constants = pinnedKeyFindings(analysis, text, {}, false).flatMap((finding) => (finding.kind === 'constant' ? [finding.name] : []));
    } catch {
      continue;
    }
    for (const name of constants) {
      const before = importersOf(path, name, allFiles, modules, originalText);
      const after = importersOf(path, name, allFiles, modules, currentText);
      if (before.length === 0 || after.length > 0) continue;
      const project = newProject();
      const file = project.createSourceFile(path, text, { overwrite: true });
      const declaration = file.getVariableDeclaration(name);
      const statement = declaration?.getVariableStatement();
      // Still read inside its own module: keep it, only the export could go, which is for a person to decide.
      if (!declaration || !statement || declaration.findReferencesAsNodes().some((node) => node !== declaration.getNameNode())) continue;
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
  }
}
