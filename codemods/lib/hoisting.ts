/**
 * Moving an expression to module level: only if every name it reads is declared at module level (or is a
 * global such as `process`), so that the copy means the same there.
 */
import type { FileIndex } from '../../src/analysis/file-index.js';
import { childNodes, isFunction, type AstNode } from '../../src/analysis/syntax.js';

export function isHoistable(index: FileIndex, node: AstNode): boolean {
  let hoistable = true;
  const visit = (current: AstNode) => {
    if (!hoistable) return;
    if (isFunction(current) || current.type === 'ThisExpression' || current.type === 'Super' || current.type === 'AwaitExpression') {
      hoistable = false;
      return;
    }
    if (current.type === 'Identifier' && index.isReference(current)) {
      const binding = index.resolve(current);
      if (binding && binding.scope !== index.program) hoistable = false;
    }
    for (const child of childNodes(current)) visit(child);
  };
  visit(node);
  return hoistable;
}

/** The module-level bindings an expression reads, so that they are kept when the old code goes. */
export function bindingsRead(index: FileIndex, node: AstNode): Set<unknown> {
  const read = new Set<unknown>();
  const visit = (current: AstNode) => {
    if (current.type === 'Identifier' && index.isReference(current)) {
      const binding = index.resolve(current);
      if (binding) read.add(binding);
    }
    for (const child of childNodes(current)) visit(child);
  };
  visit(node);
  return read;
}
