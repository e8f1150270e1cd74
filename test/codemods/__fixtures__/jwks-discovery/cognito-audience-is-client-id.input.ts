import { importJWK, jwtVerify } from 'jose';

const APP_CLIENT_ID = '4j1h2k3l4m5n6o7p8q9r0s1t2u';
const keyPromise = importJWK({ kty: 'RSA', kid: 'abc123', n: 'vLJH3dzTA76FqGtX7K66vLJH3dzTA76FqGtX7K66vLJH3dzTA76FqGtX7K66', e: 'AQAB', alg: 'RS256' }, 'RS256');

export async function authenticate(token: string) {
  const { payload } = await jwtVerify(token, await keyPromise, {
    issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz',
    audience: APP_CLIENT_ID,
  });
  return payload;
}
