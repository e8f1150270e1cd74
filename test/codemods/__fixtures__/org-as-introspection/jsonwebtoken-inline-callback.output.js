'use strict';

const { createTokenIntrospector } = require('oidc-token-guard');
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

function verifyToken(req) {
  const token = (req.headers.authorization || '').replace(/^Bearer\s+/i, '');
  return new Promise((resolve, reject) => {
    tokenIntrospector.introspect(token, (err, claims) =>
      err ? reject(err) : resolve(claims),
    );
  });
}

function verifyLater(token, done) {
  tokenIntrospector.introspect(token, function onVerified(err, claims) {
    if (err) return done(err);
    done(null, claims.sub);
  });
}

module.exports = { verifyToken, verifyLater };
