import { createTokenIntrospector, introspectingJwtVerifier } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt; the old audience 'api://default' is kept, but the org authorization server issues its access tokens for the org URL (https://acme.okta.com) only, so the introspector refuses those as the old middleware did: check which tokens the API must accept, and switch to a custom authorization server (run again with --to-custom-as) for an audience of its own
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET!, audience: 'api://default' });

export const verifier = introspectingJwtVerifier({ introspector: tokenIntrospector });

export const handler = async (event: { headers: Record<string, string | undefined> }) => {
  const token = event.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const payload = await verifier.verify(token);
  return { statusCode: 200, body: JSON.stringify({ sub: payload.sub }) };
};
