/**
 * Verification calls of libraries that take a key and have no per-token key hook, or whose call sites must change
 * anyway: jwt-simple, jsrsasign, njwt's `verify`, node-jose's `createVerify(key).verify`, and @nestjs/jwt's
 * `verify`/`verifyAsync` with a key in the call. Each becomes the runtime verifier (`<instance>.verify(token)`),
 * awaited where the old call was synchronous, with the old result's shape kept where the code reads it.
 */
import { replaceNode, textOf } from '../../../src/analysis/edits.js';
import { isFunction, isIdentifier, isMemberExpression, rangeOf, unwrap, type AstNode } from '../../../src/analysis/syntax.js';
import type { VerificationSite } from '../../../src/analysis/verify-sites.js';
import type { TransformContext } from '../transformer.js';
import type { CallRewriteResult } from '../verification-rewrites.js';
import { awaitedCall } from './awaiting.js';
import { rewriteIntrospectingMiddleware } from './introspecting.js';

type Method = 'verify' | 'introspect';

const NO_TOKEN = 'the call passes no token: verify the request\'s token by hand';

/** The rewrite for a site of these libraries, or undefined when the site is not one of theirs. */
export function rewriteKeyTakingVerification(context: TransformContext, site: VerificationSite, instance: string, method: Method): CallRewriteResult | undefined {
  if (method === 'introspect') {
    const middleware = rewriteIntrospectingMiddleware(context, site, instance);
    if (middleware) return middleware;
  }
  const call = site.call.node;
  const token = site.call.args[0];
  switch (site.api.id) {
    case 'jwt-simple.decode':
    case '@nestjs/jwt#verify': {
      // Resolves with the claims, as these returned them.
      if (!token) return { ok: false, reason: NO_TOKEN };
      if (site.api.id === 'jwt-simple.decode' && site.call.args[2] && !isFalse(site.call.args[2])) return { ok: false, reason: 'decode without verification (noVerify) checks nothing: remove it, or verify the token with createAccessTokenVerifier(...).verify(token)' };
      return awaited(context, call, `${instance}.${method}(${textOf(context.source, token)})`, [token]);
    }
    case '@nestjs/jwt#verifyAsync': {
      if (!token) return { ok: false, reason: NO_TOKEN };
      return { ok: true, rewrite: { edits: [replaceNode(call, `${instance}.${method}(${textOf(context.source, token)})`)], replaced: [rangeOf(call)], copied: [token] } };
    }
    case 'jsrsasign.KJUR.jws.JWS.verifyJWT': {
      // verifyJWT answers true or false; the helper rejects a bad token.
      if (!token) return { ok: false, reason: NO_TOKEN };
      return awaited(context, call, `${instance}.${method}(${textOf(context.source, token)}).then(() => true, () => false)`, [token]);
    }
    case 'njwt.verify': {
      if (!token) return { ok: false, reason: NO_TOKEN };
      const callback = site.call.args.slice(2).find((argument) => isFunction(unwrap(argument)) || isIdentifier(unwrap(argument)) && context.analysis.values.evaluate(argument).kind === 'function');
      if (callback) {
        // The callback keeps receiving `(err, verified)`, the claims as njwt's `body`.
        const written = textOf(context.source, callback);
        const callable = isIdentifier(unwrap(callback)) ? written : `(${written})`;
        const text = `${instance}.${method}(${textOf(context.source, token)}, (error, body) => ${callable}(error, error ? undefined : { body }))`;
        return { ok: true, rewrite: { edits: [replaceNode(call, text)], replaced: [rangeOf(call)], copied: [token, callback] } };
      }
      // njwt returned a Jwt whose claims are `body`.
      return awaited(context, call, `${instance}.${method}(${textOf(context.source, token)}).then((body) => ({ body }))`, [token], ['the result keeps njwt\'s { body } shape: check that nothing reads its header, which is no longer returned']);
    }
    case 'node-jose#verify':
    case 'node-jose.JWS.createVerify':
      return nodeJose(context, site, instance, method);
    default:
      return undefined;
  }
}

function awaited(context: TransformContext, call: AstNode, text: string, copied: AstNode[], notes: string[] = []): CallRewriteResult {
  const result = awaitedCall(context, call, text);
  if (!result.ok) return result;
  const madeAsync = result.madeAsync ? { madeAsync: result.madeAsync } : {};
  return { ok: true, rewrite: { edits: result.edits, replaced: [rangeOf(call)], copied, notes: [...notes, ...result.notes], ...madeAsync } };
}

/**
 * `JWS.createVerify(key).verify(token)` resolved with `{ header, payload: Buffer, ... }`: the whole chain becomes the
 * helper, with `payload` kept as the JSON of the claims. A verifier kept in a variable is left for review.
 */
function nodeJose(context: TransformContext, site: VerificationSite, instance: string, method: Method): CallRewriteResult {
  let verifyCall: AstNode | undefined = site.call.node;
  if (site.api.id === 'node-jose.JWS.createVerify') {
    const member = context.index.parentOf(site.call.node);
    const outer = member && isMemberExpression(member) && member.object === site.call.node ? context.index.parentOf(member) : undefined;
    verifyCall = outer?.type === 'CallExpression' && outer.callee === member ? outer : undefined;
  } else {
    const callee = unwrap(site.call.node.callee as AstNode);
    if (!isMemberExpression(callee) || site.call.maker?.node !== unwrap(callee.object as AstNode)) verifyCall = undefined;
  }
  if (!verifyCall) return { ok: false, reason: 'the node-jose verifier is kept apart from its verify(token) call: replace both with createAccessTokenVerifier(...).verify(token) by hand' };
  const token = (verifyCall.arguments as AstNode[])[0];
  if (!token) return { ok: false, reason: NO_TOKEN };
  const text = `${instance}.${method}(${textOf(context.source, token)}).then((claims) => ({ payload: Buffer.from(JSON.stringify(claims)) }))`;
  const notes = ['node-jose\'s result is kept as { payload } (the claims as JSON bytes): check that nothing reads its header or key, which are no longer returned'];
  return { ok: true, rewrite: { edits: [replaceNode(verifyCall, text)], replaced: [rangeOf(verifyCall)], copied: [token], notes } };
}

function isFalse(node: AstNode): boolean {
  const inner = unwrap(node);
  return (inner.type === 'BooleanLiteral' || inner.type === 'Literal') && inner.value === false;
}
