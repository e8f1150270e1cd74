const { createAccessTokenVerifier } = require('oidc-token-guard');
// oidc-codemod: review: the Cognito app client id is not in the code: set COGNITO_CLIENT_ID, or run again with --audience
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz', tokenUse: 'access', clientId: process.env.COGNITO_CLIENT_ID, algorithms: ['RS256'] });

exports.handler = async (event) => {
  const token = event.authorizationToken.replace('Bearer ', '');
  const claims = await accessTokenVerifier.verify(token);
  return { principalId: claims.sub, policyDocument: allow(event.methodArn) };
};

function allow(resource) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] };
}
