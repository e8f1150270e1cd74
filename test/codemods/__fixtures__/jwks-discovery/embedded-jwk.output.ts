import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export async function verifySelfSigned(token: string) {
  const payload = await accessTokenVerifier.verify(token);
  return payload;
}
