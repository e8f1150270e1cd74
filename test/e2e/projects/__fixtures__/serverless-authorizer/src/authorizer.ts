// API Gateway token authorizer: allows the request when the bearer token verifies.
import jwt from 'jsonwebtoken';
import { OKTA_PUBLIC_KEY } from './okta-key';

const ISSUER = process.env.OKTA_ISSUER ?? 'https://acme.okta.com/oauth2/default';

export interface AuthorizerEvent {
  readonly authorizationToken?: string;
  readonly methodArn: string;
}

export interface AuthorizerResult {
  readonly principalId: string;
  readonly policyDocument: { Version: '2012-10-17'; Statement: { Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string }[] };
}

function policy(principalId: string, effect: 'Allow' | 'Deny', resource: string): AuthorizerResult {
  return { principalId, policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] } };
}

export function verifyToken(token: string): jwt.JwtPayload {
  return jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: ISSUER, audience: 'api://default', algorithms: ['RS256'] }) as jwt.JwtPayload;
}

export const handler = async (event: AuthorizerEvent): Promise<AuthorizerResult> => {
  const token = (event.authorizationToken ?? '').replace(/^Bearer /, '');
  try {
    const claims = verifyToken(token);
    return policy(claims.sub ?? 'unknown', 'Allow', event.methodArn);
  } catch {
    return policy('anonymous', 'Deny', event.methodArn);
  }
};
