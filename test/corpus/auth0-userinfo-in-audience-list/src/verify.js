const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');
const { domain, apiIdentifier } = require('./config');

const client = jwksClient({ jwksUri: `https://${domain}/.well-known/jwks.json` });
const signingKey = (header, callback) => client.getSigningKey(header.kid, (error, key) => callback(error, key && key.getPublicKey()));

exports.verifyAccessToken = (token) =>
  new Promise((resolve, reject) =>
    jwt.verify(
      token,
      signingKey,
      {
        issuer: `https://${domain}/`,
        audience: [apiIdentifier, `https://${domain}/userinfo`], // expect: oidc/no-foreign-token-verification
        algorithms: ['RS256'],
      },
      (error, claims) => (error ? reject(error) : resolve(claims)),
    ),
  );

exports.verifyReportsToken = (token, callback) => jwt.verify(token, signingKey, { issuer: `https://${domain}/`, audience: 'https://reports.acme.com' }, callback);
