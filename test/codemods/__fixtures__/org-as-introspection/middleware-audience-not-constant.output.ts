// The audience is a parameter: the introspector reads it from OIDC_AUDIENCE, and refuses to start while it is unset.
import { createTokenIntrospector, introspectingExpressMiddleware } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt; the old audience is not a constant: set OIDC_AUDIENCE to it (the introspector refuses to start while it is unset), or run again with --audience
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET!, audience: process.env.OIDC_AUDIENCE! });

export function orgGuard(audience: string) {
  return introspectingExpressMiddleware({ introspector: tokenIntrospector, requestProperty: 'auth', passErrorsToNext: true });
}
