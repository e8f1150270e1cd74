// The safe pattern: access tokens from the custom authorization server, keys from its JWKS, cached.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = process.env.OKTA_ISSUER ?? 'https://acme.okta.com/oauth2/default';
const AUDIENCE = 'api://default';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/v1/keys`));

export async function verifyAccessToken(authorization: string | undefined) {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!token) throw new Error('missing bearer token');
  const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'] });
  return payload;
}
