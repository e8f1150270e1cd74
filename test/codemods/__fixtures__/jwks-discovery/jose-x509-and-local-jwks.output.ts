import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export async function checkWithCertificate(token: string) {
  return (await accessTokenVerifier.verify(token));
}

export async function checkWithKeySet(token: string) {
  await accessTokenVerifier.verify(token);
}
