'use strict';

const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const client = jwksClient({
  jwksUri: `https://${process.env.OKTA_DOMAIN}/oauth2/v1/keys`,
  cache: true,
});

function getKey(header, callback) {
  client.getSigningKey(header.kid, (err, key) => callback(err, key && key.getPublicKey()));
}

function verifyToken(req) {
  const token = (req.headers.authorization || '').replace(/^Bearer\s+/i, '');
  return new Promise((resolve, reject) => {
    jwt.verify(token, getKey, { algorithms: ['RS256'], issuer: 'https://acme.okta.com' }, (err, claims) =>
      err ? reject(err) : resolve(claims),
    );
  });
}

function verifyLater(token, done) {
  jwt.verify(token, getKey, { issuer: 'https://acme.okta.com' }, function onVerified(err, claims) {
    if (err) return done(err);
    done(null, claims.sub);
  });
}

module.exports = { verifyToken, verifyLater };
