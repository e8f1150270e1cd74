const { createLocalJWKSet, createRemoteJWKSet, jwtVerify } = require('jose');
const oktaJwks = require('../keys/okta-jwks.json');
const settings = require('./settings');

// Reported where the key set verifies, below.
const keySet = createLocalJWKSet(oktaJwks);

async function verifyBillingToken(token) {
  const { payload } = await jwtVerify(token, keySet, { // expect: oidc/no-hardcoded-jwt-key
    issuer: settings.okta.issuer,
    audience: settings.audience,
  });
  return payload;
}

// Partner tokens: keys from the partner's JWKS at run time.
const partnerKeys = createRemoteJWKSet(new URL(`${settings.partnerIssuer}/.well-known/jwks.json`));
async function verifyPartnerToken(token) {
  return jwtVerify(token, partnerKeys, { issuer: settings.partnerIssuer });
}

module.exports = { verifyBillingToken, verifyPartnerToken };
