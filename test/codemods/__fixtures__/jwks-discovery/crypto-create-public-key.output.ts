import { createAccessTokenVerifier } from 'eslint-plugin-oidc/runtime';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });

export async function check(token: string) {
  return await accessTokenVerifier.verify(token);
}
