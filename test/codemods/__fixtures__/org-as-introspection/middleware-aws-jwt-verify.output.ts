import { createTokenIntrospector, introspectingJwtVerifier } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET! });

export const verifier = introspectingJwtVerifier({ introspector: tokenIntrospector });

export const handler = async (event: { headers: Record<string, string | undefined> }) => {
  const token = event.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const payload = await verifier.verify(token);
  return { statusCode: 200, body: JSON.stringify({ sub: payload.sub }) };
};
