import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the issuer is now 'https://acme.us.auth0.com/', as Auth0's discovery document spells it (the old check without the trailing slash refused every token): check it
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.us.auth0.com/', audience: 'https://orders.example.com', algorithms: ['RS256'] });

export async function authenticate(token: string) {
  return await accessTokenVerifier.verify(token);
}
