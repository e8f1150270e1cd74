import { createRemoteJWKSet, jwtVerify } from 'jose';

const orgKeys = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/v1/keys'));

export const check = (token) => jwtVerify(token, orgKeys, { issuer: 'https://acme.okta.com', audience: 'https://acme.okta.com' });
