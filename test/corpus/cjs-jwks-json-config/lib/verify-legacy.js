const jwt = require('jsonwebtoken');
const jwkToPem = require('jwk-to-pem');
const settings = require('./settings');

// The second key of the pinned set, for the old mobile clients.
const legacyPem = jwkToPem(settings.jwks.keys[1]);

function verifyLegacyToken(token) {
  return jwt.verify(token, legacyPem, { // expect: oidc/no-hardcoded-jwt-key
    algorithms: ['RS256'],
    issuer: settings.okta.issuer,
  });
}

// Staging reads its key from the environment.
function verifyStagingToken(token) {
  return jwt.verify(token, process.env.STAGING_PUBLIC_KEY, { algorithms: ['RS256'] });
}

module.exports = { verifyLegacyToken, verifyStagingToken };
