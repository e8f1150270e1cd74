import { type JwtPayload } from 'jsonwebtoken';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export async function authorize(authorization: string): Promise<JwtPayload | undefined> {
  const token = authorization.replace(/^Bearer\s+/i, '');
  try {
    return await accessTokenVerifier.verify(token) as JwtPayload;
  } catch {
    return undefined;
  }
}
