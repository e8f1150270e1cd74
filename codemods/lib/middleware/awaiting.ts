/** A synchronous call replaced by an awaited one: the function around it made async, or why it cannot be. */
import { replaceNode, type TextEdit } from '../../../src/analysis/edits.js';
import { isEsModule } from '../../../src/analysis/module-edits.js';
import type { AstNode } from '../../../src/analysis/syntax.js';
import { asyncContextOf } from '../async-functions.js';
import type { AsyncChange, TransformContext } from '../transformer.js';

/** The edits, and the function made async with its note: both belong to the rewrite only if it is applied. */
export type AwaitedCall =
  | { readonly ok: true; readonly edits: TextEdit[]; readonly notes: string[]; readonly madeAsync?: AsyncChange }
  | { readonly ok: false; readonly reason: string };

/** `node` becomes `await <text>` (parenthesized where its value is read further). */
export function awaitedCall(context: TransformContext, node: AstNode, text: string, what = 'the verification'): AwaitedCall {
  const asyncContext = asyncContextOf(context.index, node, isEsModule(context.program));
  if (asyncContext.kind === 'impossible') return { ok: false, reason: `${what} is synchronous and ${asyncContext.reason}: move it into a function that can be async, then run again` };
  if (asyncContext.kind === 'module-level' && !asyncContext.topLevelAwait) {
    return { ok: false, reason: `${what} is synchronous at the top level of a CommonJS module, where await is not allowed: move it into a function, then run again` };
  }
  const parent = context.index.parentOf(node);
  const awaited = `await ${text}`;
  const edits: TextEdit[] = [replaceNode(node, readsFurther(node, parent) ? `(${awaited})` : awaited)];
  const notes: string[] = [];
  if (asyncContext.kind === 'made-async') {
    edits.push(...asyncContext.edits);
    notes.push(`${asyncContext.change.name ?? 'the function'} became async: its callers must await it (the CLI's project pass updates those it can see)`);
    return { ok: true, edits, notes, madeAsync: asyncContext.change };
  }
  return { ok: true, edits, notes };
}

function readsFurther(node: AstNode, parent: AstNode | undefined): boolean {
  if (!parent) return false;
  return (
    ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node) ||
    ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression' || parent.type === 'NewExpression') && parent.callee === node) ||
    parent.type === 'TaggedTemplateExpression' ||
    parent.type === 'UnaryExpression' ||
    (parent.type === 'BinaryExpression' && parent.operator === '**')
  );
}
