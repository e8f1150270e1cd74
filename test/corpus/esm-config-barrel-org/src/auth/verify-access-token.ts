import { createRemoteJWKSet, jwtVerify } from 'jose';
import { API_AUDIENCE, ISSUER_URL, endpoints } from '@config';

const jwks = createRemoteJWKSet(new URL(`${ISSUER_URL}${endpoints.JWKS_PATH}`));

export async function verifyAccessToken(header: string | undefined) {
  const token = header?.replace(/^Bearer\s+/i, '');
  if (!token) throw new Error('missing bearer token');
  const { payload } = await jwtVerify(token, jwks, {
    issuer: ISSUER_URL, // expect: oidc/no-org-as-local-verification
    audience: API_AUDIENCE,
  });
  return payload;
}
