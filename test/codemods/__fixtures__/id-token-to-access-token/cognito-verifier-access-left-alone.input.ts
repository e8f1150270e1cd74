import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Request } from 'express';

// Already right: the API accepts access tokens of its app client. The web app's own sign-in checks ID tokens.
const accessTokens = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123xyz', tokenUse: 'access', clientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });
const idTokens = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123xyz', tokenUse: 'id', clientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });

export async function api(req: Request) {
  return accessTokens.verify(req.headers.authorization?.replace('Bearer ', '') ?? '');
}

export async function signInCallback(tokens: { id_token: string }) {
  return idTokens.verify(tokens.id_token);
}
