// Bearer tokens of the MCP clients, checked against the Okta org's keys.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const OKTA_ORG = process.env.OKTA_ISSUER ?? 'https://acme.okta.com';
const orgKeys = createRemoteJWKSet(new URL(`${OKTA_ORG}/oauth2/v1/keys`));

export async function authenticate(authorization) {
  if (!authorization?.startsWith('Bearer ')) throw new Error('no bearer token');
  const { payload } = await jwtVerify(authorization.slice('Bearer '.length), orgKeys, { issuer: OKTA_ORG });
  return payload;
}
