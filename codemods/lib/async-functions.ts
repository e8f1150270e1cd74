/** Making the function around an `await` async, or saying why it cannot be. */
import { insertAt, type TextEdit } from '../../src/analysis/edits.js';
import type { FileIndex } from '../../src/analysis/file-index.js';
import { isFunction, rangeOf, startOf, type AstNode } from '../../src/analysis/syntax.js';
import type { AsyncChange } from './transformer.js';

export type AsyncContext =
  | { readonly kind: 'already-async' }
  | { readonly kind: 'made-async'; readonly edits: readonly TextEdit[]; readonly change: AsyncChange }
  | { readonly kind: 'module-level'; readonly topLevelAwait: boolean }
  | { readonly kind: 'impossible'; readonly reason: string };

export function asyncContextOf(index: FileIndex, node: AstNode, isEsModule: boolean): AsyncContext {
  const fn = index.closest(node, isFunction);
  if (!fn) return { kind: 'module-level', topLevelAwait: isEsModule };
  if (fn.async) return { kind: 'already-async' };
  if (fn.generator) return { kind: 'impossible', reason: 'it is inside a generator function' };
  if (fn.kind === 'get' || fn.kind === 'set' || fn.kind === 'constructor') {
    return { kind: 'impossible', reason: `it is inside a ${fn.kind === 'constructor' ? 'constructor' : `${fn.kind}ter`}, which cannot be async` };
  }
  // `async` goes before the function, or before a method's key (after `static`, `public`, decorators).
  const at = fn.type === 'ClassMethod' || fn.type === 'ObjectMethod' || fn.type === 'ClassPrivateMethod' ? rangeOf(fn.key as AstNode)[0] : rangeOf(fn)[0];
  const computedBracket = (fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && fn.computed ? 1 : 0;
  const edits: TextEdit[] = [insertAt(at - computedBracket, 'async ')];
  // `(): Claims` becomes `(): Promise<Claims>`: an async function's declared type is a promise.
  const returnType = (fn.returnType as AstNode | undefined)?.typeAnnotation as AstNode | undefined;
  if (returnType && !(returnType.type === 'TSTypeReference' && returnType.typeName?.name === 'Promise')) {
    const [start, end] = rangeOf(returnType);
    edits.push(insertAt(start, 'Promise<'), insertAt(end, '>'));
  }
  return { kind: 'made-async', edits, change: { name: functionName(index, fn), line: startOf(fn).line, exported: isExportedFunction(index, fn) } };
}

function functionName(index: FileIndex, fn: AstNode): string | undefined {
  if (fn.id?.name) return fn.id.name as string;
  if (fn.key?.type === 'Identifier') return fn.key.name as string;
  const parent = index.parentOf(fn);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name as string;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty') && parent.key.type === 'Identifier') return parent.key.name as string;
  return undefined;
}

function isExportedFunction(index: FileIndex, fn: AstNode): boolean {
  const parent = index.parentOf(fn);
  if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') return true;
  const id = fn.id ?? (parent?.type === 'VariableDeclarator' ? parent.id : undefined);
  const binding = id?.type === 'Identifier' ? index.resolve(id as AstNode) : undefined;
  if (binding) return index.isExported(binding);
  // Methods of exported classes are reachable from other modules too.
  const classNode = index.closest(fn, (node) => node.type === 'ClassDeclaration');
  const classBinding = classNode?.id ? index.resolve(classNode.id as AstNode) : undefined;
  return !!classBinding && index.isExported(classBinding);
}
