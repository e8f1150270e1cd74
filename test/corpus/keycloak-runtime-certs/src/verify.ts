import { createRemoteJWKSet, jwtVerify } from 'jose';

const issuer = 'https://sso.acme.com/realms/acme';
const certs = createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`));

export async function verifyAccessToken(authorization: string) {
  const { payload } = await jwtVerify(authorization.replace(/^Bearer\s+/i, ''), certs, { issuer, audience: 'orders-api' });
  if (payload.typ === 'ID') throw new Error('ID tokens are not accepted');
  return payload;
}
