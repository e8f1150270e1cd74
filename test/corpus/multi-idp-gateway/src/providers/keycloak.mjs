import { createRemoteJWKSet, jwtVerify } from 'jose';

const KEYCLOAK_ISSUER = 'https://keycloak.acme.internal/realms/staff';
const jwks = createRemoteJWKSet(new URL(`${KEYCLOAK_ISSUER}/protocol/openid-connect/certs`));

export async function verifyKeycloak(token) {
  const { payload } = await jwtVerify(token, jwks, { issuer: KEYCLOAK_ISSUER, audience: 'gateway' });
  return payload;
}
