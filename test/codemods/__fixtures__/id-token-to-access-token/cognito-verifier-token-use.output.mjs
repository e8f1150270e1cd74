import { CognitoJwtVerifier } from 'aws-jwt-verify';

// The Lambda authorizer of the pets API.
const verifier = CognitoJwtVerifier.create({
  userPoolId: process.env.USER_POOL_ID,
  tokenUse: "access",
  clientId: process.env.APP_CLIENT_ID,
});

export const handler = async (event) => {
  const claims = await verifier.verify(event.authorizationToken);
  return { principalId: claims.sub };
};
