import { createRemoteJWKSet, jwtVerify } from 'jose';

const ORG_URL = 'https://acme.okta.com';
const orgKeys = createRemoteJWKSet(new URL(`${ORG_URL}/oauth2/v1/keys`));

export async function verifyWebhookCaller(authorization) {
  const { payload } = await jwtVerify(authorization.slice('Bearer '.length), orgKeys, { issuer: ORG_URL });
  return payload;
}
