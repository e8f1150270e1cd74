import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9', audience: 'api://orders', clockTolerance: 30 });

export async function verifyOrderToken(token: string) {
  const payload = await accessTokenVerifier.verify(token);
  return payload;
}
