/**
 * Rewrites of a verification call into a call of a runtime helper instance, shared by the jwks-discovery
 * and org-as-introspection transforms: `jwt.verify` (sync or with a callback) and `jose.jwtVerify`.
 */
import { replaceNode, textOf, type TextEdit } from '../../src/analysis/edits.js';
import { isEsModule } from '../../src/analysis/module-edits.js';
import { isIdentifier, isMemberExpression, memberName, rangeOf, unwrap, type AstNode } from '../../src/analysis/syntax.js';
import type { VerificationSite } from '../../src/analysis/verify-sites.js';
import { asyncContextOf } from './async-functions.js';
import { rewriteKeyTakingVerification } from './middleware/key-taking-verifiers.js';
import type { AsyncChange, TransformContext } from './transformer.js';

export interface CallRewrite {
  readonly edits: readonly TextEdit[];
  /** The ranges whose old code is gone, for removing what became unused. */
  readonly replaced: readonly (readonly [number, number])[];
  /** Old code copied into the new (the token, a callback): what it reads stays. */
  readonly copied: readonly AstNode[];
  /** What a person must check once the rewrite is applied (reported by `applyCallRewrite`). */
  readonly notes?: readonly string[];
  /** The function (or functions: a verifier called from several) the rewrite makes async. */
  readonly madeAsync?: AsyncChange | readonly AsyncChange[];
}

export type CallRewriteResult = { readonly ok: true; readonly rewrite: CallRewrite } | { readonly ok: false; readonly reason: string };

/**
 * `method` is `verify` (resolves with the claims) or `introspect` (resolves with `{ active, ...claims }`);
 * both reject on a bad token, as the old calls threw or rejected.
 */
export function rewriteVerificationCall(context: TransformContext, site: VerificationSite, instance: string, method: 'verify' | 'introspect'): CallRewriteResult {
  switch (site.api.id) {
    case 'jsonwebtoken.verify':
      return rewriteJsonwebtoken(context, site, instance, method);
    case 'jose.jwtVerify':
      return rewriteJwtVerify(context, site, instance, method);
    default:
      return rewriteKeyTakingVerification(context, site, instance, method) ?? {
        ok: false,
        reason:
          method === 'verify'
            ? `${site.library} takes a key, not a verifier: replace the verification with createAccessTokenVerifier(...).verify(token), or resolve keys with jwks-rsa as the rule's suggestion does`
            : `${site.library} takes a key, not an introspector: replace the verification with createTokenIntrospector(...).introspect(token) by hand`,
      };
  }
}

function rewriteJsonwebtoken(context: TransformContext, site: VerificationSite, instance: string, method: 'verify' | 'introspect'): CallRewriteResult {
  const { source, index } = context;
  const call = site.call.node;
  const args = site.call.args;
  const token = args[0];
  if (args.some((argument) => argument.type === 'SpreadElement')) return { ok: false, reason: 'the call spreads its arguments, so its token and options cannot be read: write them out, then run again' };
  if (!token) return { ok: false, reason: 'the call passes no token: verify the request\'s token by hand' };
  const options = args[2] && !isCallback(context, args[2]) ? args[2] : undefined;
  if (options && optionSet(context, options, 'complete')) return { ok: false, reason: '`complete: true` returns the header and signature too, which the helper does not: read the header with jose.decodeProtectedHeader and verify with the helper by hand' };
  const callback = args[3] ?? (args[2] && isCallback(context, args[2]) ? args[2] : undefined);
  const tokenText = textOf(source, token);

  if (callback) {
    // The callback keeps receiving `(err, claims)`, once and asynchronously: both helpers take it. It stays
    // as it was written, with what surrounds it (line breaks, a trailing comma) up to the call's end.
    const previous = args[args.indexOf(callback) - 1]!;
    const between = source.slice(rangeOf(previous)[1], rangeOf(callback)[0]);
    const tail = source.slice(rangeOf(callback)[0], rangeOf(call)[1]);
    const replacement = `${instance}.${method}(${tokenText},${between.slice(between.indexOf(',') + 1)}${tail}`;
    return { ok: true, rewrite: { edits: [replaceNode(call, replacement)], replaced: [rangeOf(call)], copied: [token, callback] } };
  }

  const asyncContext = asyncContextOf(index, call, isEsModule(context.program));
  if (asyncContext.kind === 'impossible') return { ok: false, reason: `the verification is synchronous and ${asyncContext.reason}: move it into a function that can be async, then run again` };
  if (asyncContext.kind === 'module-level' && !asyncContext.topLevelAwait) {
    return { ok: false, reason: 'the verification is synchronous at the top level of a CommonJS module, where await is not allowed: move it into a function, then run again' };
  }
  const awaited = `await ${instance}.${method}(${tokenText})`;
  const edits: TextEdit[] = [replaceNode(call, needsParentheses(context, call) ? `(${awaited})` : awaited)];
  if (asyncContext.kind === 'made-async') {
    edits.push(...asyncContext.edits);
    const notes = [`${asyncContext.change.name ?? 'the function'} became async: its callers must await it (the CLI's project pass updates those it can see)`];
    return { ok: true, rewrite: { edits, replaced: [rangeOf(call)], copied: [token], notes, madeAsync: asyncContext.change } };
  }
  return { ok: true, rewrite: { edits, replaced: [rangeOf(call)], copied: [token] } };
}

function rewriteJwtVerify(context: TransformContext, site: VerificationSite, instance: string, method: 'verify' | 'introspect'): CallRewriteResult {
  const { source, index } = context;
  const call = site.call.node;
  const token = site.call.args[0];
  if (!token) return { ok: false, reason: 'the call passes no token: verify the request\'s token by hand' };
  const helperCall = `${instance}.${method}(${textOf(source, token)})`;
  const parent = index.parentOf(call);

  if (parent?.type === 'AwaitExpression') {
    const outer = index.parentOf(parent);
    // `const { payload } = await jwtVerify(...)`, `const { payload: claims } = ...`
    if (outer?.type === 'VariableDeclarator' && outer.init === parent && outer.id.type === 'ObjectPattern') {
      const properties = outer.id.properties as AstNode[];
      const payload = properties.length === 1 ? properties[0]! : undefined;
      const name = payload && payload.type !== 'RestElement' && !payload.computed && payload.key?.name === 'payload' ? unwrap(payload.value as AstNode) : undefined;
      if (method === 'verify' && destructuresHeader(properties)) {
        // `{ payload, protectedHeader }`: the verifier's verifyWithHeader resolves with both, as jwtVerify did.
        return { ok: true, rewrite: { edits: [replaceNode(parent, `await ${instance}.verifyWithHeader(${textOf(source, token)})`)], replaced: [rangeOf(call)], copied: [token] } };
      }
      if (!name || !isIdentifier(name)) {
        return {
          ok: false,
          reason:
            method === 'verify'
              ? 'the result is destructured into more than `payload` and `protectedHeader` (the key, or a rest element), which the helper does not resolve with: keep only those two, then run again'
              : 'the result is destructured into more than `payload`, and the introspector resolves with the claims alone: keep only `payload`, then run again',
        };
      }
      return {
        ok: true,
        rewrite: { edits: [replaceNode(outer.id as AstNode, name.name as string), replaceNode(parent, `await ${helperCall}`)], replaced: [rangeOf(call)], copied: [token] },
      };
    }
    // `(await jwtVerify(...)).payload`
    if (outer && isMemberExpression(outer) && outer.object === parent && memberName(outer) === 'payload') {
      return { ok: true, rewrite: { edits: [replaceNode(outer, `(await ${helperCall})`)], replaced: [rangeOf(call)], copied: [token] } };
    }
    // `await jwtVerify(...)` as a statement: only the check matters.
    if (outer?.type === 'ExpressionStatement') {
      return { ok: true, rewrite: { edits: [replaceNode(call, helperCall)], replaced: [rangeOf(call)], copied: [token] } };
    }
  }
  // Elsewhere the result keeps its `{ payload }` shape; `protectedHeader` is gone.
  const notes = ['the result keeps its { payload } shape, but protectedHeader is no longer returned: check that nothing reads it'];
  return { ok: true, rewrite: { edits: [replaceNode(call, `${helperCall}.then((payload) => ({ payload }))`)], replaced: [rangeOf(call)], copied: [token], notes } };
}

/** `{ payload, protectedHeader }` or `{ protectedHeader }` (renamed or not, in either order), and nothing else. */
function destructuresHeader(properties: readonly AstNode[]): boolean {
  const names = properties.map((property) => (property.type === 'RestElement' || property.computed ? undefined : (property.key?.name ?? property.key?.value) as string | undefined));
  return names.includes('protectedHeader') && names.every((name) => name === 'payload' || name === 'protectedHeader');
}

/**
 * Applies a call rewrite once its helper instance is declared: the edits with the instance's name, and
 * the notes and async change, which belong to the rewrite only if it happens.
 */
export function applyCallRewrite(context: TransformContext, site: VerificationSite, rewrite: CallRewrite, placeholder: string, name: string, names: (text: string) => string = (text) => text): void {
  context.edit(...rewrite.edits.map((edit) => ({ range: edit.range, text: names(edit.text.split(placeholder).join(name)) })));
  for (const change of [rewrite.madeAsync ?? []].flat()) context.madeAsync(change);
  for (const note of rewrite.notes ?? []) context.review(site.call.node, note);
}

/** A function value, or a parameter named as callbacks are (`jwt.verify(token, key, done)`). */
function isCallback(context: TransformContext, node: AstNode): boolean {
  const value = context.analysis.values.evaluate(node);
  if (value.kind === 'function') return true;
  const inner = unwrap(node);
  return value.kind === 'unknown' && value.origin === 'parameter' && isIdentifier(inner) && /^(cb|callback|done|next)$/i.test(inner.name as string);
}

function optionSet(context: TransformContext, options: AstNode, name: string): boolean {
  const value = context.analysis.values.evaluate(options);
  return value.kind === 'object' && value.properties.has(name) && !(value.properties.get(name)!.value.kind === 'primitive' && !value.properties.get(name)!.value);
}

/** `jwt.verify(...).sub` becomes `(await v.verify(...)).sub`. */
function needsParentheses(context: TransformContext, node: AstNode): boolean {
  const parent = context.index.parentOf(node);
  if (!parent) return false;
  return (
    ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node) ||
    ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression' || parent.type === 'NewExpression') && parent.callee === node) ||
    parent.type === 'TaggedTemplateExpression' ||
    (parent.type === 'BinaryExpression' && parent.operator === '**')
  );
}
