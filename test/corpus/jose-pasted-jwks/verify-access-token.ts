import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { OKTA_ISSUER, OKTA_JWKS } from './keys/okta-jwks';

// The key set is reported where it is written (keys/okta-jwks.ts) and, followed across modules, where it verifies.
const keySet = createLocalJWKSet(OKTA_JWKS as unknown as Parameters<typeof createLocalJWKSet>[0]);

export interface AccessClaims extends JWTPayload {
  scp?: string[];
  uid?: string;
}

export async function verifyAccessToken(authorization: string | undefined): Promise<AccessClaims> {
  const token = authorization?.replace(/^Bearer\s+/i, '');
  if (!token) throw new Error('missing bearer token');
  const { payload } = await jwtVerify<AccessClaims>(token, keySet, { // expect: oidc/no-hardcoded-jwt-key
    issuer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9',
    audience: 'api://orders',
    algorithms: ['RS256', 'ES256'],
  });
  return payload;
}
