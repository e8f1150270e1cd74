// Verifies access tokens for the webhooks service against the org's keys.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ORG_URL = 'https://acme.okta.com';
const orgKeys = createRemoteJWKSet(new URL(`${ORG_URL}/oauth2/v1/keys`));

export async function verifyWebhookCaller(authorization: string) {
  const { payload } = await jwtVerify(authorization.slice('Bearer '.length), orgKeys, { issuer: ORG_URL });
  return payload;
}
