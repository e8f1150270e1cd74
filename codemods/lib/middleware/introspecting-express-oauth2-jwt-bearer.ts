/**
 * express-oauth2-jwt-bearer at an org authorization server: `auth({ issuerBaseURL: org, audience })` becomes the
 * runtime's introspecting Express middleware, which puts `{ payload, header, token }` on `req.auth` as `auth()` did
 * (so `requiredScopes`, `scopeIncludesAny` and `claimCheck` keep reading `req.auth.payload`), and passes refusals to
 * `next(error)` with their status, as `auth()` did.
 */
import { replaceNode } from '../../../src/analysis/edits.js';
import { rangeOf } from '../../../src/analysis/syntax.js';
import type { Replacement } from './introspecting.js';

export const INTROSPECTING_EXPRESS_OAUTH2_JWT_BEARER: Replacement = {
  adapter: 'introspectingExpressMiddleware',
  // `authRequired: false` lets requests without a token through; `validators` change which claims are checked.
  unsupported: ['authRequired', 'validators'],
  build({ site, adapter, introspector }) {
    const text = `${adapter}({ introspector: ${introspector}, requestProperty: 'auth', authResult: true, passErrorsToNext: true })`;
    return {
      edits: [replaceNode(site.call.node, text)],
      replaced: [rangeOf(site.call.node)],
      copied: [],
      notes: ['req.auth.payload is now the introspection answer (active, sub, uid, client_id, scope as a space-separated string) in place of the token\'s claims: check what handlers and claimCheck() read'],
    };
  },
};
