import jwt from 'jsonwebtoken';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

export function sessionCookie(subject: string): string {
  return jwt.sign({ sub: subject }, process.env.SESSION_SECRET!, { expiresIn: '1h' });
}

export function authenticate(token: string) {
  return accessTokenVerifier.verify(token, (error, claims) => claims);
}
