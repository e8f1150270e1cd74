import { createLocalJWKSet, jwtVerify } from 'jose';
import USER_POOL_JWKS from './user-pool-jwks';

const localKeys = createLocalJWKSet(USER_POOL_JWKS);

export async function verifyWithJose(token: string) {
  const { payload } = await jwtVerify(
    token,
    localKeys, // expect: oidc/no-hardcoded-jwt-key
    { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123' },
  );
  if (payload.token_use !== 'access') throw new Error('not an access token');
  return payload;
}
