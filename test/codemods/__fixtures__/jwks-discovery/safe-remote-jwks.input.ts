import { createRemoteJWKSet, jwtVerify } from 'jose';

const jwks = createRemoteJWKSet(new URL('https://acme.okta.com/oauth2/default/v1/keys'));

export async function check(token: string) {
  const { payload } = await jwtVerify(token, jwks, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
  return payload;
}
