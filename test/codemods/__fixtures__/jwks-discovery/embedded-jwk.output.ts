import { createAccessTokenVerifier } from 'eslint-plugin-oidc/runtime';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export async function verifySelfSigned(token: string) {
  const payload = await accessTokenVerifier.verify(token);
  return payload;
}
