const { createTokenIntrospector } = require('oidc-token-guard');
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

function onVerified(err, claims) {
  if (err) throw err;
  return claims;
}

module.exports = (req) => tokenIntrospector.introspect(req.headers.authorization.split(' ')[1], onVerified);
