import { createRemoteJWKSet, jwtVerify } from 'jose';

const REGION = 'us-east-1';
const USER_POOL_ID = 'us-east-1_Xy9Zw8Vu7';
const COGNITO_ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;
const jwks = createRemoteJWKSet(new URL(`${COGNITO_ISSUER}/.well-known/jwks.json`));

export async function verifyCognito(token: string) {
  const { payload } = await jwtVerify(token, jwks, { issuer: COGNITO_ISSUER });
  if (payload.token_use !== 'access') throw new Error('not an access token');
  return payload;
}
