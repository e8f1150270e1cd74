/**
 * Moving an expression to module level: only if every name it reads is declared at module level (or is a
 * global such as `process`), so that the copy means the same there.
 */
import type { FileIndex } from '../../src/analysis/file-index.js';
import { isFunction, walkNodes, type AstNode } from '../../src/analysis/syntax.js';

export function isHoistable(index: FileIndex, node: AstNode): boolean {
  let hoistable = true;
  walkNodes(node, (current) => {
    if (!hoistable) return false;
    if (isFunction(current) || current.type === 'ThisExpression' || current.type === 'Super' || current.type === 'AwaitExpression') {
      hoistable = false;
      return false;
    }
    if (current.type === 'Identifier' && index.isReference(current)) {
      const binding = index.resolve(current);
      if (binding && binding.scope !== index.program) hoistable = false;
    }
    return true;
  });
  return hoistable;
}

/** The module-level bindings an expression reads, so that they are kept when the old code goes. */
export function bindingsRead(index: FileIndex, node: AstNode): Set<unknown> {
  const read = new Set<unknown>();
  walkNodes(node, (current) => {
    if (current.type === 'Identifier' && index.isReference(current)) {
      const binding = index.resolve(current);
      if (binding) read.add(binding);
    }
  });
  return read;
}
