import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import jwt, { type JwtHeader, type JwtPayload } from 'jsonwebtoken';
import jwkToPem from 'jwk-to-pem';

// The whole key set of the user pool, pasted so that cold starts do not wait for the network.
const USER_POOL_JWKS = {
  keys: [
    { alg: 'RS256', e: 'AQAB', kid: 'q8Zr0l6hW4b2nV0xQ1tY5uI7oP3aS9dF2gH4jK6lM8E=', kty: 'RSA', n: '1ajiijtfZKP97lCoLyVsKVSqIWorOGjuviazdqp5DTc0m0OsxDNLOXrjj5EruiT6NiWQxIrPyZtbx6O8aSN_FNcbBKWPRi4WeEIG-8uRVGtUeLYiqvDdOOXTz4uRsTsas9TD93Yns8dMhopus0Q88mg1HEs9b_A7vulrPU9wg4_xnMK5S_YtuPQoUJUgPfDffrsv1gL6BkfpTBjnX63J_DyqCd4z6z256z79-e_Ed8jMZVb4Jqijtz0Cdh5ZI6JpvUXwxJ-0undcboqnLbwLocXAacZKo4xlUgxZJccA0z6BS3YW4z-V-tDbhrctSG4FcZmyJHM-3-mtNqpuNiEq0Q', use: 'sig' },
    { alg: 'RS256', e: 'AQAB', kid: 'w3Er5tY7uI9oP1aS3dF5gH7jK9lZ1xC3vB5nM7qW9eR=', kty: 'RSA', n: 'kOj3w38B6Jdk0Ylrv4AaTXQoRS1EUYXfHX2BqUe1M9OPjPpW5htkZPnW-UgrXzWxKigYJCson86_QFAfTFhHwR7S_vySe-z_HbSLnvjzzoFayDJJbswwWS87EJga4VZxUP2q2pNm4k1f6tfyZCswcnRMUrXeeP6Ly4OgyPE287yzOKCJPD0pv9hikNX4yz7AQZc63PN9tuY3s3sXrv27tC9asZxdbof-buOnjdjdexcYwQm_yHLr90QdgbZpDTmnGMFZMRyeb0R-UdZGGxWrLdeW8TzbAKIRs8CGXf5gJwfP3mx05w2aLs9RscQBl3MaaCXL73AbR19N_0PMvW2OGQ', use: 'sig' },
  ],
} as const;

const PEMS_BY_KID: Record<string, string> = Object.fromEntries(USER_POOL_JWKS.keys.map((key) => [key.kid, jwkToPem(key)]));

export const handler = async (event: APIGatewayRequestAuthorizerEventV2) => {
  const token = (event.headers?.authorization ?? '').replace(/^Bearer\s+/i, '');
  const header = jwt.decode(token, { complete: true })?.header as JwtHeader | undefined;
  const pem = header?.kid ? PEMS_BY_KID[header.kid] : undefined;
  if (!pem) return { isAuthorized: false };
  try {
    const claims = jwt.verify(token, pem, { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E' }) as JwtPayload; // expect: oidc/no-hardcoded-jwt-key
    return { isAuthorized: claims.token_use === 'access', context: { sub: String(claims.sub) } };
  } catch {
    return { isAuthorized: false };
  }
};
