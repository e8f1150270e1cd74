import { type JWTPayload } from 'jose';
export type { JWTPayload } from 'jose';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
export type Claims = JWTPayload & { scp?: string[] };

export async function authenticate(token: string): Promise<Claims> {
  const payload = await accessTokenVerifier.verify(token);
  return payload;
}
