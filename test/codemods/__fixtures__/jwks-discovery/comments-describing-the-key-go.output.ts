// Authentication for the orders API.
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

export async function authenticate(token: string) {
  return await accessTokenVerifier.verify(token);
}
