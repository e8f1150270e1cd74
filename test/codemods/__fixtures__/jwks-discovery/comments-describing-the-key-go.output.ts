// Authentication for the orders API.
import { createAccessTokenVerifier } from 'eslint-plugin-oidc/runtime';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

export async function authenticate(token: string) {
  return await accessTokenVerifier.verify(token);
}
