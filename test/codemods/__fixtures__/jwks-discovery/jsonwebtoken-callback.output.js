'use strict';
const { createAccessTokenVerifier } = require('oidc-token-guard');
// oidc-codemod: review: the old verification did not check the audience: set OIDC_AUDIENCE to the API's audience, or run again with --audience
const accessTokenVerifier = createAccessTokenVerifier({ issuer: process.env.OKTA_ISSUER, audience: process.env.OIDC_AUDIENCE, algorithms: ['RS256'] });

module.exports = function requireJwt(req, res, next) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  accessTokenVerifier.verify(token, (err, claims) => {
    if (err) return res.status(401).json({ error: 'invalid_token' });
    req.user = claims;
    next();
  });
};
