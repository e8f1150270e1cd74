const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const TENANT_ID = '7f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b';

const entraKeys = jwksClient({ jwksUri: `https://login.microsoftonline.com/${TENANT_ID}/discovery/v2.0/keys` });
const googleKeys = jwksClient({ jwksUri: 'https://www.googleapis.com/oauth2/v3/certs' });

const keyFrom = (client) => (header, cb) => client.getSigningKey(header.kid, (err, key) => cb(err, key && key.getPublicKey()));

function verifyEntra(token) {
  return new Promise((resolve, reject) =>
    jwt.verify(
      token,
      keyFrom(entraKeys),
      { issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, audience: 'api://acme-gateway' },
      (err, claims) => (err ? reject(err) : resolve(claims)),
    ),
  );
}

function verifyGoogle(token) {
  return new Promise((resolve, reject) =>
    jwt.verify(
      token,
      keyFrom(googleKeys),
      { issuer: ['https://accounts.google.com', 'accounts.google.com'], audience: 'https://gateway.acme.com' },
      (err, claims) => (err ? reject(err) : resolve(claims)),
    ),
  );
}

module.exports = { verifyEntra, verifyGoogle };
