import { CognitoJwtVerifier } from 'aws-jwt-verify';

const verifier = CognitoJwtVerifier.create({ userPoolId: 'eu-west-1_Ab12Cd34E', tokenUse: null, clientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });
const accessTokens = CognitoJwtVerifier.create({ userPoolId: 'eu-west-1_Ab12Cd34E', tokenUse: 'access', clientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });

export const handler = async (event) => {
  const claims = await verifier.verify(event.authorizationToken, {
    tokenUse: 'id', // expect: oidc/no-id-token-as-bearer
  });
  return { principalId: claims.sub };
};

export const adminHandler = async (event) => {
  const claims = await accessTokens.verify(event.authorizationToken);
  return { principalId: claims.sub };
};
