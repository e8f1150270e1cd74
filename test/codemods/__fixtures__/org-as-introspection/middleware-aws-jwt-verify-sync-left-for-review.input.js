const { JwtVerifier } = require('aws-jwt-verify');

const verifier = JwtVerifier.create({ issuer: 'https://acme.okta.com', audience: 'api://default', jwksUri: 'https://acme.okta.com/oauth2/v1/keys' });

exports.authorize = (token) => verifier.verifySync(token);
