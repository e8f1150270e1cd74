const { createAccessTokenVerifier } = require('oidc-token-guard');
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
async function verifyToken(token) {
  return await accessTokenVerifier.verify(token);
}
module.exports = { verifyToken };
