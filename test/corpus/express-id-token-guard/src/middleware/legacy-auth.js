// Written against @okta/jwt-verifier 0.0.x, where the audience was asserted through assertClaims.
const OktaJwtVerifier = require('@okta/jwt-verifier');

const oktaJwtVerifier = new OktaJwtVerifier({
  issuer: process.env.OKTA_ISSUER,
  assertClaims: {
    aud: process.env.OKTA_CLIENT_ID, // expect: oidc/no-id-token-as-bearer
  },
});

module.exports = function legacyAuth(req, res, next) {
  const match = (req.headers.authorization || '').match(/Bearer (.+)/);
  if (!match) return res.status(401).end();
  return oktaJwtVerifier
    .verifyAccessToken(match[1])
    .then((jwt) => {
      req.jwt = jwt;
      next();
    })
    .catch((err) => res.status(401).send(err.message));
};
