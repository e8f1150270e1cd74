// The first authorizer, still serving the v1 stage. Uses node's crypto to turn the JWK into a key object.
const crypto = require('node:crypto');
const jwt = require('jsonwebtoken');

const SIGNING_KEY = crypto.createPublicKey({
  key: { kty: 'RSA', e: 'AQAB', n: '1ajiijtfZKP97lCoLyVsKVSqIWorOGjuviazdqp5DTc0m0OsxDNLOXrjj5EruiT6NiWQxIrPyZtbx6O8aSN_FNcbBKWPRi4WeEIG-8uRVGtUeLYiqvDdOOXTz4uRsTsas9TD93Yns8dMhopus0Q88mg1HEs9b_A7vulrPU9wg4_xnMK5S_YtuPQoUJUgPfDffrsv1gL6BkfpTBjnX63J_DyqCd4z6z256z79-e_Ed8jMZVb4Jqijtz0Cdh5ZI6JpvUXwxJ-0undcboqnLbwLocXAacZKo4xlUgxZJccA0z6BS3YW4z-V-tDbhrctSG4FcZmyJHM-3-mtNqpuNiEq0Q' },
  format: 'jwk',
});

exports.handler = async (event) => {
  const token = (event.authorizationToken || '').replace(/^Bearer\s+/i, '');
  try {
    const claims = jwt.verify(token, SIGNING_KEY, { // expect: oidc/no-hardcoded-jwt-key
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E',
    });
    return { principalId: claims.sub, policyDocument: allowAll(event.methodArn) };
  } catch (err) {
    throw new Error('Unauthorized');
  }
};

function allowAll(methodArn) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: methodArn }] };
}
