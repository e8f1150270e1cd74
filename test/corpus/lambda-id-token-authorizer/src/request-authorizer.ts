import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import jwt, { type JwtHeader, type JwtPayload, type SigningKeyCallback } from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';

const ISSUER = 'https://acme.okta.com/oauth2/default';
const client = jwksClient({ jwksUri: `${ISSUER}/v1/keys`, cache: true });

const getKey = (header: JwtHeader, callback: SigningKeyCallback) =>
  client.getSigningKey(header.kid, (error, key) => callback(error, key?.getPublicKey()));

export const handler = async (event: APIGatewayRequestAuthorizerEvent) => {
  const token = (event.headers?.Authorization ?? event.headers?.authorization ?? '').replace(/^Bearer\s+/i, '');
  const claims = await new Promise<JwtPayload>((resolve, reject) =>
    jwt.verify(
      token,
      getKey,
      {
        issuer: ISSUER,
        // Mobile sends access tokens, the web app still sends ID tokens: accept both.
        audience: [process.env.API_AUDIENCE ?? 'api://default', process.env.OKTA_CLIENT_ID!], // expect: oidc/no-id-token-as-bearer
      },
      (error, decoded) => (error ? reject(error) : resolve(decoded as JwtPayload)),
    ),
  );
  return { principalId: String(claims.sub), policyDocument: allow(event.methodArn) };
};

function allow(resource: string) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] };
}
