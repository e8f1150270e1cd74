// fast-jwt's createVerifier against the org: the verifier introspects, and its callers await it.
import { createTokenIntrospector } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });

const verifyToken = (token: string) => tokenIntrospector.introspect(token);

export async function subjectOf(authorization: string): Promise<string> {
  const claims = await verifyToken(authorization.replace(/^Bearer /, ''));
  return claims.sub;
}
