// Verifies tokens that the partner portal forwards, with the key set pasted into signing-keys.ts.
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { OKTA_JWKS } from './signing-keys';

const keySet = createLocalJWKSet(OKTA_JWKS);

export async function verifyPartnerToken(token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, keySet, {
    issuer: 'https://acme.okta.com/oauth2/default',
    audience: 'api://default',
  });
  return payload;
}
