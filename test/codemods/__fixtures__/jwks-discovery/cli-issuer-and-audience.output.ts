import { createAccessTokenVerifier } from 'eslint-plugin-oidc/runtime';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

export async function subjectOf(token: string): Promise<string | undefined> {
  return (await accessTokenVerifier.verify(token)).sub;
}
