/**
 * Middleware and verifier libraries that take a key: the pinned key is swapped for a runtime key adapter
 * (discovery, remote JWKS, cache, alg pinned to the key) in the shape each library takes, around one shared
 * `createIssuerKeySource({ issuer, audience, algorithms })` per configuration; the library's own options gain what
 * discovery-based verification checks. One file per library, with the contract of ./contract.ts.
 */
import type { VerificationSite } from '../../../src/analysis/verify-sites.js';
import { quoted } from '../../../src/analysis/edits.js';
import { clientIdInAudience } from '../../../src/analysis/client-ids.js';
import type { HelperConfig } from '../helper-config.js';
import type { HelperInstances } from '../helper-instances.js';
import type { TransformContext } from '../transformer.js';
import type { MiddlewareKeyRewrite, Range } from './contract.js';
import { expressJwt } from './express-jwt.js';
import { fastJwt } from './fast-jwt.js';
import { fastifyJwt } from './fastify-jwt.js';
import { hapiAuthJwt2 } from './hapi-auth-jwt2.js';
import { hapiJwt } from './hapi-jwt.js';
import { koaJwt } from './koa-jwt.js';
import { nestjsJwt } from './nestjs-jwt.js';
import { passportJwt } from './passport-jwt.js';

const REWRITES: readonly MiddlewareKeyRewrite[] = [expressJwt, passportJwt, koaJwt, fastifyJwt, fastJwt, nestjsJwt, hapiAuthJwt2, hapiJwt];

const byApi = new Map(REWRITES.flatMap((rewrite) => rewrite.apis.map((api) => [api, rewrite] as const)));

/** Whether a verification site is the configuration of a middleware library that takes a key from a function. */
export function isMiddlewareKeySite(site: VerificationSite): boolean {
  return byApi.has(site.api.id);
}

/** Where the transform collects what the rewrite replaced and what must stay. */
export interface RewriteSink {
  readonly replaced: Range[];
  readonly keep: Set<unknown>;
}

const KEY_SOURCE = '\u0000keySource\u0000';
const ADAPTER = '\u0000adapter\u0000';

/**
 * Rewrites one middleware site with the helper configuration the transform built for it (issuer, audience,
 * algorithms, with their review notes), or reports why it cannot.
 */
export function rewriteMiddlewareKey(context: TransformContext, site: VerificationSite, config: HelperConfig, helpers: HelperInstances, sink: RewriteSink): void {
  const library = byApi.get(site.api.id);
  if (!library) return;
  // The key source already checks the API's audience (audienceText); the middleware's own option still names the
  // client, which id-token-to-access-token rewrites: a run that applies it too drops this note.
  const clientIdNote = clientIdInAudience(site.audience?.value)
    ? "the middleware's own audience option still names the client id: run the id-token-to-access-token transform (or set it by hand) so that it checks the key source's audience"
    : undefined;
  const property = (name: string) => config.properties.find(([key]) => key === name)?.[1];
  const settings = {
    issuer: property('issuer')!,
    audience: property('audience'),
    algorithms: property('algorithms') ?? `[${quoted(context.source, 'RS256')}]`,
  };
  const edit = library.rewrite({ context, site, keySource: `${ADAPTER}(${KEY_SOURCE})`, settings });
  if (!edit.ok) {
    context.review(site.call.node, edit.reason);
    return;
  }
  const instance = helpers.instance('createIssuerKeySource', config.properties, site.call.node, config.reads, config.notes.join('; ') || undefined);
  if (!instance.ok) {
    context.review(site.call.node, instance.reason);
    return;
  }
  const { name } = instance;
  const adapter = helpers.runtimeExport(library.adapter);
  if (!adapter) {
    context.review(site.call.node, `the name ${library.adapter} is taken in this file: rename that binding, then run again`);
    return;
  }
  context.edit(...edit.edits.map((one) => ({ range: one.range, text: one.text.split(KEY_SOURCE).join(name).split(ADAPTER).join(adapter) })));
  sink.replaced.push(...edit.replaced);
  for (const binding of config.reads) sink.keep.add(binding);
  context.rewrote(site.call.node);
  for (const change of edit.madeAsync ?? []) context.madeAsync(change);
  for (const note of config.notes) context.review(site.call.node, note);
  if (clientIdNote) context.review(site.call.node, clientIdNote, 'id-token-to-access-token');
  for (const note of edit.notes) context.review(site.call.node, note);
}
