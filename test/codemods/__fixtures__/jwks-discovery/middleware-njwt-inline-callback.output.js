'use strict';

const { createAccessTokenVerifier } = require('oidc-token-guard');
// oidc-codemod: review: the issuer is not in the code: set OIDC_ISSUER, or run again with --issuer; the old verification did not check the audience: set OIDC_AUDIENCE to the API's audience, or run again with --audience
const accessTokenVerifier = createAccessTokenVerifier({ issuer: process.env.OIDC_ISSUER, audience: process.env.OIDC_AUDIENCE, algorithms: ['RS256'] });

module.exports = function verifyWithNjwt(token) {
  return new Promise((resolve, reject) => {
    accessTokenVerifier.verify(token, (error, body) => ((err, verified) => {
      if (err) return reject(err);
      return resolve(verified.body);
    })(error, error ? undefined : { body }));
  });
};
