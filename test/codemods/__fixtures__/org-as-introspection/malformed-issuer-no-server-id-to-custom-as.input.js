const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const ORG_URL = 'https://acme.okta.com/oauth2';
const client = jwksClient({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' });

function getKey(header, callback) {
  client.getSigningKey(header.kid, (err, key) => callback(err, key && key.getPublicKey()));
}

exports.verify = (token, done) => jwt.verify(token, getKey, { issuer: ORG_URL }, done);
