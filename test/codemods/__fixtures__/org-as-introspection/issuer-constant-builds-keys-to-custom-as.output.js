import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = 'https://acme.okta.com/oauth2/default';
const orgKeys = createRemoteJWKSet(new URL(`${ISSUER}/v1/keys`));

export const check = (token) => jwtVerify(token, orgKeys, { issuer: ISSUER, audience: 'api://default' });
