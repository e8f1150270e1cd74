const OktaJwtVerifier = require('@okta/jwt-verifier');

module.exports = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER || 'https://acme.okta.com' });
