/**
 * fast-jwt: `createVerifier({ key: PEM })` becomes `createVerifier({ key: fastJwtKey(issuerKeySource), algorithms,
 * allowedIss, allowedAud })`. With an async key the verifier returns a Promise: its calls in this file are awaited
 * (their functions made async, as for jsonwebtoken), and a verifier used anywhere else is left for review.
 */
import { textOf, type TextEdit } from '../../../src/analysis/edits.js';
import { isIdentifier, rangeOf, walkNodes, type AstNode } from '../../../src/analysis/syntax.js';
import type { AsyncChange } from '../transformer.js';
import { awaitedCall } from './awaiting.js';
import type { MiddlewareKeyRewrite } from './contract.js';
import { memberHolding, replaceMemberValue } from './options.js';
import { settingEdits } from './settings.js';

export const fastJwt: MiddlewareKeyRewrite = {
  apis: ['fast-jwt.createVerifier'],
  adapter: 'fastJwtKey',
  rewrite(input) {
    const { context, site } = input;
    const holder = site.keySlot && memberHolding(context, site.keySlot.node);
    if (!holder) return { ok: false, reason: 'the key is not written in the options of createVerifier(): set key: fastJwtKey(...) by hand' };
    const calls = verifierCalls(input.context, site.call.node);
    if (!calls.ok) return calls;
    const settings = settingEdits(input, holder.object, { issuer: 'allowedIss', audience: 'allowedAud', algorithms: 'algorithms' });
    if (!settings.ok) return settings;
    return {
      ok: true,
      edits: [replaceMemberValue(holder.member, input.keySource), ...settings.edits, ...calls.edits],
      replaced: [rangeOf(holder.member)],
      notes: calls.notes,
      madeAsync: calls.madeAsync,
    };
  },
};

type CallEdits = { ok: true; edits: TextEdit[]; notes: string[]; madeAsync: AsyncChange[] } | { ok: false; reason: string };

/** `const verify = createVerifier(...)`: every use of `verify` must be a call in this file, which is then awaited. */
export function verifierCalls(context: Parameters<MiddlewareKeyRewrite['rewrite']>[0]['context'], maker: AstNode, why = 'with an async key it returns a Promise'): CallEdits {
  const declarator = context.index.parentOf(maker);
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== maker || !isIdentifier(declarator.id as AstNode)) {
    return { ok: false, reason: `the verifier is not kept in a variable: ${why}, so its callers must await it; rewrite by hand` };
  }
  const binding = context.index.resolve(declarator.id as AstNode);
  if (!binding) return { ok: false, reason: 'the verifier\'s variable cannot be followed: rewrite its callers by hand' };
  if (context.index.isExported(binding)) {
    return { ok: false, reason: `the verifier is exported: ${why}, so every caller must await it; rewrite by hand` };
  }
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  const madeAsync: AsyncChange[] = [];
  for (const reference of referencesTo(context, binding)) {
    if (reference === declarator.id) continue;
    const call = context.index.parentOf(reference);
    if (!call || call.type !== 'CallExpression' || call.callee !== reference) {
      return { ok: false, reason: `the verifier '${textOf(context.source, reference)}' is passed on as a value: ${why}; rewrite its callers by hand` };
    }
    const parent = context.index.parentOf(call);
    if (parent?.type === 'AwaitExpression') continue;
    const awaited = awaitedCall(context, call, textOf(context.source, call), 'a call of the verifier');
    if (!awaited.ok) return awaited;
    edits.push(...awaited.edits);
    notes.push(...awaited.notes);
    if (awaited.madeAsync) madeAsync.push(awaited.madeAsync);
  }
  return { ok: true, edits, notes, madeAsync };
}

function referencesTo(context: Parameters<MiddlewareKeyRewrite['rewrite']>[0]['context'], binding: unknown): AstNode[] {
  const found: AstNode[] = [];
  walkNodes(context.program, (node) => {
    if (node.type === 'Identifier' && context.index.isReference(node) && context.index.resolve(node) === binding) found.push(node);
  });
  return found;
}
