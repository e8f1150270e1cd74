import { createRemoteJWKSet } from 'jose';

export const OKTA_ISSUER = process.env.OKTA_ISSUER ?? 'https://acme.okta.com/oauth2/default';
export const JWKS = createRemoteJWKSet(new URL(`${OKTA_ISSUER}/v1/keys`));
