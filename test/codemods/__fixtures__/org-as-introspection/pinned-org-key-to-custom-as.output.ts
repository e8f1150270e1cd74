import jwt from 'jsonwebtoken';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export async function authenticate(token: string) {
  const claims = await accessTokenVerifier.verify(token) as jwt.JwtPayload;
  return claims.sub;
}
