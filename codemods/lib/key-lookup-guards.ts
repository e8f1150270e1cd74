/**
 * Guards that refuse a token whose key is not among the pinned ones (`const pem = PEMS_BY_KID[header.kid];
 * if (!pem) return deny();`): once the verification resolves keys from the issuer's JWKS, such a guard would
 * refuse every token signed with a key the issuer rotated in. The verifier refuses unknown keys itself.
 */
import { textOf } from '../../src/analysis/edits.js';
import type { Binding } from '../../src/analysis/file-index.js';
import { unwrap, type AstNode } from '../../src/analysis/syntax.js';
import type { VerificationSite } from '../../src/analysis/verify-sites.js';
import type { TransformContext } from './transformer.js';

/** What a person is told where guards went. */
export const KEY_LOOKUP_GUARD_NOTE =
  "the refusal of tokens whose key is not among the pinned ones is gone (the verifier refuses keys the issuer does not publish, and rejects as the verification did): check that a refused token is still answered as before";

/** What a person is told where the lookup of a pinned key is read for more than the verification, and stays. */
export const KEY_LOOKUP_KEPT_NOTE =
  'the key is looked up among pinned keys and read for more than the verification, so the lookup stays: remove it and the pinned keys it reads once nothing else needs them';

/** The declarator of a key the verification took from a local lookup (`const pem = PEMS_BY_KID[kid]`), if it did. */
export function localKeyLookup(context: TransformContext, site: VerificationSite): AstNode | undefined {
  const key = site.keySlot ? unwrap(site.keySlot.node) : undefined;
  const binding = key?.type === 'Identifier' ? context.index.resolve(key) : undefined;
  if (!binding || binding.scope === context.index.program || binding.declaration.type !== 'VariableDeclarator') return undefined;
  return binding.declaration;
}

export interface KeyLookupGuards {
  /** The guard statements, to remove with the verification they served. */
  readonly statements: readonly AstNode[];
  /** The key binding: with the guards gone, the key was read only by the replaced verification. */
  readonly binding: Binding;
  /**
   * Each guard answers as the verification's failure now does: the verification sits in a `try` whose `catch`
   * does what the guard did (`return { isAuthorized: false }` in both), so nobody needs to look.
   */
  readonly sameRefusal: boolean;
}

/**
 * The guards on the key a verification takes: when the key is a local `const` of a function and every other
 * read of it is `if (!key) <return or throw>` (or `key == null`, `key === undefined`), with nothing else in the
 * `if`. Undefined otherwise: then nothing is removed, and the old lookup stays for a person to see.
 */
export function keyLookupGuards(context: TransformContext, site: VerificationSite): KeyLookupGuards | undefined {
  const slot = site.keySlot;
  const key = slot ? unwrap(slot.node) : undefined;
  if (!key || key.type !== 'Identifier') return undefined;
  const binding = context.index.resolve(key);
  if (!binding || (binding.kind !== 'const' && !(binding.kind === 'let' && binding.writes === 0)) || binding.scope === context.index.program) return undefined;
  const statements: AstNode[] = [];
  for (const reference of context.index.referencesOf(binding)) {
    if (reference === key) continue;
    const guard = guardStatementOf(context, reference);
    if (!guard) return undefined;
    statements.push(guard);
  }
  if (statements.length === 0) return undefined;
  const failure = catchClauseOf(context, site.call.node);
  const answer = failure ? refusalText(context, failure.body as AstNode) : undefined;
  const sameRefusal = answer !== undefined && statements.every((statement) => refusalText(context, statement.consequent as AstNode) === answer);
  return { statements, binding, sameRefusal };
}

/** The catch clause of the nearest `try` block around a node, within its function. */
function catchClauseOf(context: TransformContext, node: AstNode): AstNode | undefined {
  let child = node;
  let parent = context.index.parentOf(child);
  while (parent && !/Function/.test(parent.type)) {
    if (parent.type === 'TryStatement' && parent.block === child) return (parent.handler as AstNode | null) ?? undefined;
    child = parent;
    parent = context.index.parentOf(child);
  }
  return undefined;
}

/** The text of a lone return or throw (a block's only statement), whitespace folded. */
function refusalText(context: TransformContext, statement: AstNode): string | undefined {
  if (statement.type === 'BlockStatement') {
    const body = statement.body as AstNode[];
    return body.length === 1 ? refusalText(context, body[0]!) : undefined;
  }
  if (statement.type !== 'ReturnStatement' && statement.type !== 'ThrowStatement') return undefined;
  return textOf(context.source, statement).replace(/\s+/g, ' ').replace(/;$/, '');
}

/** `if (!key) return …;` around a read of the key, when the read is the whole test. */
function guardStatementOf(context: TransformContext, reference: AstNode): AstNode | undefined {
  let test: AstNode = reference;
  let parent = context.index.parentOf(test);
  while (parent && (parent.type === 'TSNonNullExpression' || parent.type === 'ParenthesizedExpression')) {
    test = parent;
    parent = context.index.parentOf(test);
  }
  const negated = parent?.type === 'UnaryExpression' && parent.operator === '!';
  const comparedToNothing =
    parent?.type === 'BinaryExpression' &&
    (((parent.operator === '==' || parent.operator === '===') && isNothing(parent.left === test ? parent.right : parent.left, parent.operator)));
  if (!negated && !comparedToNothing) return undefined;
  const statement = context.index.parentOf(parent!);
  if (statement?.type !== 'IfStatement' || statement.test !== parent || statement.alternate) return undefined;
  return refuses(statement.consequent as AstNode) ? statement : undefined;
}

function isNothing(node: AstNode, operator: string): boolean {
  const inner = unwrap(node);
  if (inner.type === 'Identifier' && inner.name === 'undefined') return true;
  return operator === '==' && (inner.type === 'NullLiteral' || (inner.type === 'Literal' && inner.value === null));
}

/** A return or throw, alone or as the only statement of a block. */
function refuses(statement: AstNode): boolean {
  if (statement.type === 'BlockStatement') {
    const body = statement.body as AstNode[];
    return body.length === 1 && refuses(body[0]!);
  }
  return statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement';
}
