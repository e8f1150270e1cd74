const OktaJwtVerifier = require('@okta/jwt-verifier');
const oktaConfig = require('../config/okta');

const oktaJwtVerifier = new OktaJwtVerifier({
  clientId: oktaConfig.oidc.clientId,
  issuer: oktaConfig.oidc.issuer,
  assertClaims: {
    cid: oktaConfig.oidc.clientId,
  },
  testing: oktaConfig.oidc.testing,
});

/**
 * A simple middleware that asserts valid access tokens and sends 401 responses
 * if the token is not present or fails validation.
 */
function authRequired(req, res, next) {
  const authHeader = req.headers.authorization || '';
  const match = authHeader.match(/Bearer (.+)/);

  if (!match) {
    return res.status(401).send();
  }

  const accessToken = match[1];
  const audience = oktaConfig.expectedAudience;

  return oktaJwtVerifier
    .verifyAccessToken(accessToken, audience) // expect: oidc/no-id-token-as-bearer
    .then((jwt) => {
      req.jwt = jwt;
      next();
    })
    .catch((err) => {
      res.status(401).send(err.message);
    });
}

module.exports = authRequired;
