const { createAccessTokenVerifier } = require('oidc-token-guard');
// oidc-codemod: review: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47' is not an issuer: the tenant's v2 issuer 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0' is assumed; check that the API's app registration issues v2 tokens (accessTokenAcceptedVersion: 2), or use https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/ for v1 tokens; 'api://6e74172b-be56-4843-9ff4-e66a39bb12e3' is the default App ID URI of the application '6e74172b-be56-4843-9ff4-e66a39bb12e3', assumed: check it in the API's app registration (v1 tokens carry the App ID URI, v2 tokens the application id)
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', audience: ['api://6e74172b-be56-4843-9ff4-e66a39bb12e3', '6e74172b-be56-4843-9ff4-e66a39bb12e3'], algorithms: ['RS256'] });

module.exports = async function authenticate(req) {
  const token = req.headers.authorization.replace(/^Bearer /, '');
  return await accessTokenVerifier.verify(token);
};
