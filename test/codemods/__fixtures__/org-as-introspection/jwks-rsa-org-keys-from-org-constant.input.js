const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const ORG_URL = process.env.ORG_URL;
const client = jwksClient({ jwksUri: `${ORG_URL}/oauth2/v1/keys` });

function getKey(header, callback) {
  client.getSigningKey(header.kid, (err, key) => callback(err, key && key.getPublicKey()));
}

exports.verify = (token, done) => jwt.verify(token, getKey, { algorithms: ['RS256'] }, done);

