import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the old audience is a client id, which only ID tokens carry (0oa1spaclient0000000): the verifier checks 'api://orders' instead: make clients send access tokens for it
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

export async function verifyCaller(token: string) {
  const payload = await accessTokenVerifier.verify(token);
  return payload;
}
