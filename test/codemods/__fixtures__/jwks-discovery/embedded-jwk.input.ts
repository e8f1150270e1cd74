import { EmbeddedJWK, jwtVerify } from 'jose';

export async function verifySelfSigned(token: string) {
  const { payload } = await jwtVerify(token, EmbeddedJWK, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
  return payload;
}
