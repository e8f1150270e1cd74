// One org verifier called from three functions: the two sync ones become async, the awaited call stays as it is.
import { createTokenIntrospector } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

const verify = (token) => tokenIntrospector.introspect(token);

export async function subjectOf(token) {
  return (await verify(token)).sub;
}

export async function scopesOf(token) {
  const claims = await verify(token);
  return claims.scp;
}

export async function clientOf(token) {
  return (await verify(token)).cid;
}
