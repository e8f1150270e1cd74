const { createAccessTokenVerifier } = require('oidc-token-guard');

const OKTA_ISSUER = process.env.OKTA_ISSUER ?? 'https://acme.okta.com/oauth2/default';
// oidc-codemod: review: the old audience is a client id, which only ID tokens carry (0oa1spaclient0000000): 'api://default', the default custom authorization server's, is assumed: run again with --audience if the API's is another, and make clients send access tokens
const accessTokenVerifier = createAccessTokenVerifier({ issuer: OKTA_ISSUER, audience: 'api://default', algorithms: ['RS256'] });

async function verifyBearer(header) {
  const token = (header || '').replace(/^Bearer /, '');
  return await accessTokenVerifier.verify(token);
}

module.exports = { verifyBearer };
