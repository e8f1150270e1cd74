const { createAccessTokenVerifier } = require('oidc-token-guard');
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

exports.requireUser = async (req, res, next) => {
  const token = (req.headers.authorization || '').slice(7);
  try {
    req.user = await accessTokenVerifier.verify(token);
    next();
  } catch (error) {
    next(error);
  }
};
