import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = 'https://acme.okta.com';
const orgKeys = createRemoteJWKSet(new URL(`${ISSUER}/oauth2/v1/keys`));

export const check = (token) => jwtVerify(token, orgKeys, { issuer: ISSUER, audience: 'https://acme.okta.com' });
