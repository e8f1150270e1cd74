import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

export async function subjectOf(token: string): Promise<string | undefined> {
  return (await accessTokenVerifier.verify(token)).sub;
}
