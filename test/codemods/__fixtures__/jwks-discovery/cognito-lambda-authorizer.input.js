const jwt = require('jsonwebtoken');
const jwkToPem = require('jwk-to-pem');

const COGNITO_ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz';
const signingKey = jwkToPem({
  kty: 'RSA',
  kid: 'abc123',
  n: 'vLJH3dzTA76FqGtX7K66vLJH3dzTA76FqGtX7K66vLJH3dzTA76FqGtX7K66vLJH3dzTA76FqGtX7K66',
  e: 'AQAB',
});

exports.handler = async (event) => {
  const token = event.authorizationToken.replace('Bearer ', '');
  const claims = jwt.verify(token, signingKey, { issuer: COGNITO_ISSUER, algorithms: ['RS256'] });
  return { principalId: claims.sub, policyDocument: allow(event.methodArn) };
};

function allow(resource) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] };
}
