import { jwtVerify, createRemoteJWKSet } from 'jose';

const jwks = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));

export const authenticate = (req) =>
  jwtVerify(req.headers.authorization.slice(7), jwks, {
    issuer: 'https://acme.okta.com/oauth2/default',
    audience: process.env.OKTA_CLIENT_ID,
  });
