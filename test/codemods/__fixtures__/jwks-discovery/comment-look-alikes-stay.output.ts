import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

/* Section: keys */
export const region = 'eu'; const unrelated = 1; // ends like a comment */

export function authenticate(token: string) {
  return accessTokenVerifier.verify(token, (error, claims) => claims);
}
