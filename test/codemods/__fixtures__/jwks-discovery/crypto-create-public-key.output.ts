import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });

export async function check(token: string) {
  return await accessTokenVerifier.verify(token);
}
