import { CognitoJwtVerifier } from 'aws-jwt-verify';

const idTokens = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbCdEf123', tokenUse: 'id', clientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });

/** Hosted UI callback: the ID token from the token endpoint, for this app's own client. */
export async function completeSignIn(code: string) {
  const tokens = await redeem(code);
  return idTokens.verify(tokens.id_token);
}

declare function redeem(code: string): Promise<{ id_token: string; access_token: string }>;
