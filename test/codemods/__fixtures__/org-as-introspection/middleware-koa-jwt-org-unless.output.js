const { createTokenIntrospector, introspectingKoaMiddleware } = require('oidc-token-guard');

const OKTA_ISSUER = process.env.OKTA_ISSUER || 'https://acme-eu.okta-emea.com';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: OKTA_ISSUER, clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET, audience: OKTA_ISSUER });

module.exports = function auth() {
  return introspectingKoaMiddleware({ introspector: tokenIntrospector }).unless({ path: ['/health'] });
};
