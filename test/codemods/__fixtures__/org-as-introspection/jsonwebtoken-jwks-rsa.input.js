const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const client = jwksClient({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' });

function getKey(header, callback) {
  client.getSigningKey(header.kid, (err, key) => callback(err, key && key.getPublicKey()));
}

function onVerified(err, claims) {
  if (err) throw err;
  return claims;
}

module.exports = (req) => jwt.verify(req.headers.authorization.split(' ')[1], getKey, { issuer: 'https://acme.okta.com' }, onVerified);
