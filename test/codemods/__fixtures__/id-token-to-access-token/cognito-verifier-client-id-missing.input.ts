import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';

const verifier = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbC123xyz', tokenUse: 'id' } as never);

export async function handler(event: APIGatewayTokenAuthorizerEvent) {
  const claims = await verifier.verify(event.authorizationToken, { clientId: process.env.APP_CLIENT_ID! } as never);
  return { principalId: claims.sub };
}
