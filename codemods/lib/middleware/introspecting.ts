/**
 * Org authorization server sites inside a middleware (without `--to-custom-as`): the middleware that verified the
 * org's access tokens locally is replaced by the runtime's introspecting one for the same framework, around the
 * transform's `createTokenIntrospector(...)` instance, putting the answer where the old one put the claims:
 * express-jwt (`req.auth`, or its `requestProperty`; `req.user` for express-jwt 6), koa-jwt (`ctx.state.user`, or
 * its `key`), a passport-jwt strategy and its subclasses (`req.user`, through the old verify callback or `validate()`).
 * Libraries whose replacement needs more than a call's text have a module of their own (introspecting-<library>.ts),
 * listed in REPLACEMENTS.
 */
import { replaceNode, textOf, type TextEdit } from '../../../src/analysis/edits.js';
import { ensureNamedImport } from '../../../src/analysis/module-edits.js';
import { isMemberExpression, memberName, objectMemberValue, rangeOf, unwrap, type AstNode } from '../../../src/analysis/syntax.js';
import type { VerificationSite } from '../../../src/analysis/verify-sites.js';
import type { HelperInstances } from '../helper-instances.js';
import type { AsyncChange, TransformContext } from '../transformer.js';
import type { CallRewriteResult } from '../verification-rewrites.js';
import { INTROSPECTING_AWS_JWT_VERIFY } from './introspecting-aws-jwt-verify.js';
import { INTROSPECTING_EXPRESS_OAUTH2_JWT_BEARER } from './introspecting-express-oauth2-jwt-bearer.js';
import { INTROSPECTING_NEST_JWT_MODULE, INTROSPECTING_NEST_JWT_MODULE_ASYNC } from './introspecting-nest.js';
import { INTROSPECTING_OKTA_JWT_VERIFIER } from './introspecting-okta-jwt-verifier.js';
import { INTROSPECTING_PASSPORT } from './introspecting-passport.js';
import { isObjectLiteral, propertyNamed, spreadsIn } from './options.js';
import { fastJwtReplacement } from './introspecting-fast-jwt.js';
import { fastifyJwtReplacement } from './introspecting-fastify-jwt.js';
import { hapiAuthJwt2Replacement, hapiJwtReplacement } from './introspecting-hapi.js';

/** How one library's org site becomes the runtime's introspecting replacement (one module per library). */
export interface Replacement {
  /** The runtime export that replaces the middleware. */
  readonly adapter: string;
  /** Options of the old middleware that change what it does, which the replacement does not do. */
  readonly unsupported: readonly string[];
  /** The replacement has the old library's `.unless()`, with its semantics: a chained `.unless(...)` stays. */
  readonly unless?: boolean;
  /** Which argument of the call holds the options; default 0. */
  readonly optionsArgument?: number;
  /**
   * The replacement's text for the whole call, given the adapter's and the introspector's names; or edits of its
   * parts (a subclass's `super(...)` and `extends`), with the ranges whose old code is gone; or why not.
   */
  build(input: ReplacementInput): ReplacementText | ReplacementEdits | { reason: string };
}

export interface ReplacementInput {
  readonly context: TransformContext;
  readonly site: VerificationSite;
  /** The old middleware's options, an object literal without spreads. */
  readonly options: AstNode;
  readonly adapter: string;
  readonly introspector: string;
}

export interface ReplacementText {
  /** Replaces the call (site.call.node). */
  readonly text: string;
  /** Old code copied into the new: what it reads stays. */
  readonly copied: AstNode[];
  /** More edits the replacement needs (callers awaited). */
  readonly edits?: readonly TextEdit[];
  readonly notes?: readonly string[];
  readonly madeAsync?: readonly AsyncChange[];
}

export interface ReplacementEdits {
  readonly edits: readonly TextEdit[];
  readonly replaced: readonly (readonly [number, number])[];
  readonly copied: readonly AstNode[];
  /** What a person must check after this rewrite. */
  readonly notes?: readonly string[];
}

/** `name: <old value>` when the old options set it, else the default. */
export function carried(context: TransformContext, options: AstNode, name: string, fallback: string): string {
  const member = propertyNamed(options, name);
  return member ? textOf(context.source, objectMemberValue(member)) : fallback;
}

const EXPRESS: Replacement = {
  adapter: 'introspectingExpressMiddleware',
  unsupported: ['credentialsRequired', 'getToken', 'isRevoked', 'onExpired'],
  build({ context, site, options, adapter, introspector }) {
    const fallback = site.api.id === 'express-jwt.default' ? "'user'" : "'auth'";
    const property = carried(context, options, 'requestProperty', fallback);
    return { text: `${adapter}({ introspector: ${introspector}, requestProperty: ${property}, passErrorsToNext: true })`, copied: [] };
  },
};

const KOA: Replacement = {
  adapter: 'introspectingKoaMiddleware',
  unsupported: ['passthrough', 'getToken', 'cookie', 'isRevoked', 'tokenKey'],
  // koa-unless's options, path, ext, method, custom and useOriginalUrl, read as koa-unless reads them.
  unless: true,
  build({ context, options, adapter, introspector }) {
    const key = propertyNamed(options, 'key');
    return { text: `${adapter}({ introspector: ${introspector}${key ? `, stateKey: ${textOf(context.source, objectMemberValue(key))}` : ''} })`, copied: [] };
  },
};

const REPLACEMENTS: Record<string, Replacement> = {
  'express-jwt.expressjwt': EXPRESS,
  'express-jwt.default': EXPRESS,
  'koa-jwt.default': KOA,
  'passport-jwt.Strategy': INTROSPECTING_PASSPORT,
  '@nestjs/jwt.JwtModule.register': INTROSPECTING_NEST_JWT_MODULE,
  '@nestjs/jwt.JwtModule.registerAsync': INTROSPECTING_NEST_JWT_MODULE_ASYNC,
  'aws-jwt-verify.JwtVerifier.create': INTROSPECTING_AWS_JWT_VERIFY,
  'aws-jwt-verify.JwtRsaVerifier.create': INTROSPECTING_AWS_JWT_VERIFY,
  'express-oauth2-jwt-bearer.auth': INTROSPECTING_EXPRESS_OAUTH2_JWT_BEARER,
  '@fastify/jwt.register': fastifyJwtReplacement,
  'fast-jwt.createVerifier': fastJwtReplacement,
  'hapi-auth-jwt2.strategy': hapiAuthJwt2Replacement,
  '@hapi/jwt.strategy': hapiJwtReplacement,
  '@okta/jwt-verifier.OktaJwtVerifier': INTROSPECTING_OKTA_JWT_VERIFIER,
};

/** The rewrite for an org site in one of these middlewares, or undefined when the site is not one of theirs. */
export function rewriteIntrospectingMiddleware(context: TransformContext, site: VerificationSite, introspector: string): CallRewriteResult | undefined {
  const replacement = REPLACEMENTS[site.api.id];
  if (!replacement) return undefined;
  const written = site.call.args[replacement.optionsArgument ?? 0];
  const options = written ? unwrap(written) : undefined;
  if (!options || !isObjectLiteral(options) || spreadsIn(options)) {
    return { ok: false, reason: `the options of ${site.library} are not written here: replace it with the runtime's ${replacement.adapter} by hand` };
  }
  const unsupported = replacement.unsupported.filter((name) => propertyNamed(options, name));
  if (unsupported.length > 0) return { ok: false, reason: `${unsupported.join(', ')} ha${unsupported.length > 1 ? 've' : 's'} no counterpart in the runtime's ${replacement.adapter}: replace the middleware by hand` };
  const parent = context.index.parentOf(site.call.node);
  if (!replacement.unless && parent && isMemberExpression(parent) && parent.object === site.call.node && memberName(parent) === 'unless') {
    return { ok: false, reason: `${site.library}'s .unless() has no counterpart: replace the middleware by hand, mounting the runtime's ${replacement.adapter} on the routes it guarded` };
  }
  // Imported with the introspector's factory, by the transform's helper instances (see runtimeNamesIn).
  if (!ensureNamedImport(context.source, context.index, context.helperImport, replacement.adapter)) {
    return { ok: false, reason: `the name ${replacement.adapter} is taken in this file: rename that binding, then run again` };
  }
  const built = replacement.build({ context, site, options, adapter: runtimeName(replacement.adapter), introspector });
  if ('reason' in built) return { ok: false, reason: built.reason };
  if (!('text' in built)) return { ok: true, rewrite: { edits: built.edits, replaced: built.replaced, copied: built.copied, notes: built.notes } };
  const edits: TextEdit[] = [replaceNode(site.call.node, built.text), ...(built.edits ?? [])];
  return { ok: true, rewrite: { edits, replaced: [rangeOf(site.call.node)], copied: built.copied, notes: built.notes, madeAsync: built.madeAsync } };
}

const RUNTIME_NAME = new RegExp(`${String.fromCharCode(0)}runtime:(\\w+)${String.fromCharCode(0)}`, 'g');

/** Stands for a runtime export in rewritten text until the transform imports it. */
function runtimeName(name: string): string {
  return `\u0000runtime:${name}\u0000`;
}

/** Rewritten text with each runtime export it names imported (beside the helpers' factories) and referred to. */
export function runtimeNamesIn(text: string, helpers: HelperInstances): string {
  return text.replace(RUNTIME_NAME, (_placeholder, name: string) => helpers.runtimeExport(name) ?? name);
}
