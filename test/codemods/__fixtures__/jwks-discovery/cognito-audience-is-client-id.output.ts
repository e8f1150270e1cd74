import { createAccessTokenVerifier } from 'oidc-token-guard';
// oidc-codemod: review: the old audience is taken as the Cognito app client id: Cognito puts an audience only in ID tokens, so clients must now send access tokens of that app client
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz', tokenUse: 'access', clientId: '4j1h2k3l4m5n6o7p8q9r0s1t2u' });

export async function authenticate(token: string) {
  const payload = await accessTokenVerifier.verify(token);
  return payload;
}
