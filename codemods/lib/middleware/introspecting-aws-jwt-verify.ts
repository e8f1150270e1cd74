/**
 * aws-jwt-verify at an org authorization server: `JwtVerifier.create({ issuer: org, … })` (or the deprecated
 * `JwtRsaVerifier.create`) becomes the runtime's `introspectingJwtVerifier({ introspector })`, whose `verify(token)`
 * introspects, so the verifier's callers (here or in other modules) keep calling `await verifier.verify(token)`.
 */
import { replaceNode } from '../../../src/analysis/edits.js';
import { rangeOf } from '../../../src/analysis/syntax.js';
import type { Replacement } from './introspecting.js';

/** Calls on the verifier that need keys held locally, which introspection has no counterpart for. */
const LOCAL_KEY_METHODS = /#(verifySync|cacheJwks)$/;

export const INTROSPECTING_AWS_JWT_VERIFY: Replacement = {
  adapter: 'introspectingJwtVerifier',
  // A custom check or JWKS cache of its own decides what the old verifier accepted.
  unsupported: ['customJwtCheck', 'includeRawJwtInErrors'],
  build({ context, site, adapter, introspector }) {
    if (site.call.args.length > 1) return { reason: 'the verifier is given its own JWKS cache: replace it with introspectingJwtVerifier({ introspector }) by hand' };
    const local = context.analysis.resolver.apiCalls().find((call) => LOCAL_KEY_METHODS.test(call.api.id) && call.maker?.node === site.call.node);
    if (local) return { reason: `${local.api.id.split('#')[1]}() needs the org's keys locally, which introspection does not use: replace it with await verifier.verify(token), then run again` };
    return {
      edits: [replaceNode(site.call.node, `${adapter}({ introspector: ${introspector} })`)],
      replaced: [rangeOf(site.call.node)],
      copied: [],
      notes: ['verifier.verify(token) now resolves with the introspection answer (active, sub, uid, client_id, scope as a space-separated string) in place of the token\'s payload: check what its callers read'],
    };
  },
};
