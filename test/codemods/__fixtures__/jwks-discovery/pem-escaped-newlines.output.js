const { createAccessTokenVerifier } = require('oidc-token-guard');
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://orders' });

exports.verify = async function verify(token) {
  return await accessTokenVerifier.verify(token);
};
