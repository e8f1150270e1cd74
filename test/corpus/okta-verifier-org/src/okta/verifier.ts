import OktaJwtVerifier from '@okta/jwt-verifier';

// One verifier for the whole API (see middleware/require-access-token.ts).
export const oktaJwtVerifier = new OktaJwtVerifier({
  issuer: 'https://acme.okta.com', // expect: oidc/no-org-as-local-verification
  clientId: process.env.OKTA_CLIENT_ID,
  cacheMaxAge: 60 * 60 * 1000,
  jwksRequestsPerMinute: 10,
});
