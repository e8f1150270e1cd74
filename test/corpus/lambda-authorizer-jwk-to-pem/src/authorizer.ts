import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import jwkToPem from 'jwk-to-pem';
import { allow, deny } from './policy';

const USER_POOL_ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E';

// From https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E/.well-known/jwks.json
const ACCESS_TOKEN_JWK = {
  alg: 'RS256',
  e: 'AQAB',
  kid: 'q8Zr0l6hW4b2nV0xQ1tY5uI7oP3aS9dF2gH4jK6lM8E=',
  kty: 'RSA',
  n: '1ajiijtfZKP97lCoLyVsKVSqIWorOGjuviazdqp5DTc0m0OsxDNLOXrjj5EruiT6NiWQxIrPyZtbx6O8aSN_FNcbBKWPRi4WeEIG-8uRVGtUeLYiqvDdOOXTz4uRsTsas9TD93Yns8dMhopus0Q88mg1HEs9b_A7vulrPU9wg4_xnMK5S_YtuPQoUJUgPfDffrsv1gL6BkfpTBjnX63J_DyqCd4z6z256z79-e_Ed8jMZVb4Jqijtz0Cdh5ZI6JpvUXwxJ-0undcboqnLbwLocXAacZKo4xlUgxZJccA0z6BS3YW4z-V-tDbhrctSG4FcZmyJHM-3-mtNqpuNiEq0Q',
  use: 'sig',
} as const;

const ACCESS_TOKEN_PEM = jwkToPem(ACCESS_TOKEN_JWK);

export const handler = async (event: APIGatewayTokenAuthorizerEvent) => {
  const token = event.authorizationToken.replace(/^Bearer\s+/i, '');
  try {
    const claims = jwt.verify(token, ACCESS_TOKEN_PEM, { // expect: oidc/no-hardcoded-jwt-key
      issuer: USER_POOL_ISSUER,
      algorithms: ['RS256'],
    }) as JwtPayload;
    if (claims.token_use !== 'access') return deny(event.methodArn);
    return allow(String(claims.sub), event.methodArn, { scope: String(claims.scope ?? '') });
  } catch {
    return deny(event.methodArn);
  }
};
