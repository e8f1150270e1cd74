import { CognitoJwtVerifier } from 'aws-jwt-verify';

const verifier = CognitoJwtVerifier.create({
  userPoolId: process.env.USER_POOL_ID,
  tokenUse: 'id', // expect: oidc/no-id-token-as-bearer
  clientId: process.env.APP_CLIENT_ID,
});

export const handler = async (event) => {
  try {
    const claims = await verifier.verify(event.authorizationToken);
    return { principalId: claims.sub, policyDocument: allow(event.methodArn) };
  } catch {
    throw new Error('Unauthorized');
  }
};

const allow = (resource) => ({ Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] });
