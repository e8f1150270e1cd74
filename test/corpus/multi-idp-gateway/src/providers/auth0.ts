import { createRemoteJWKSet, jwtVerify } from 'jose';

const AUTH0_ISSUER = 'https://acme.eu.auth0.com/';
const jwks = createRemoteJWKSet(new URL(`${AUTH0_ISSUER}.well-known/jwks.json`));

export async function verifyAuth0(token: string) {
  const { payload } = await jwtVerify(token, jwks, { issuer: AUTH0_ISSUER, audience: 'https://api.acme.com' });
  return payload;
}
