import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the old audience is a client id, which only ID tokens carry (process.env.OKTA_CLIENT_ID): set OIDC_AUDIENCE to the API's audience, or run again with --audience, and make clients send access tokens
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/aus9orders', audience: process.env.OIDC_AUDIENCE! });
// oidc-codemod: review: the old audience list names a client id, which only ID tokens carry (0oa1adminclient00000): it is dropped, and the other audiences are kept: make clients send access tokens
const accessTokenVerifier2 = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/aus9orders', audience: process.env.ADMIN_AUDIENCE! });

export async function verifyOrders(token: string) {
  return await accessTokenVerifier.verify(token);
}

export async function verifyAdmin(token: string) {
  return await accessTokenVerifier2.verify(token);
}
