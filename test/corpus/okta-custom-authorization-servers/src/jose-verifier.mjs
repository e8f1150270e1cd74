import { createRemoteJWKSet, jwtVerify } from 'jose';

const { OKTA_DOMAIN, OKTA_AUTH_SERVER_ID } = process.env;
const issuer = `https://${OKTA_DOMAIN}/oauth2/${OKTA_AUTH_SERVER_ID}`;
const jwks = createRemoteJWKSet(new URL(`${issuer}/v1/keys`));

export async function verifyReportingToken(authorization) {
  const [, token] = authorization.split(' ');
  const { payload } = await jwtVerify(token, jwks, { issuer, audience: 'api://reporting' });
  return payload;
}
