import type { JwtPayload } from 'jsonwebtoken';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

async function authenticate(token: string): Promise<JwtPayload> {
  return await accessTokenVerifier.verify(token) as JwtPayload;
}

export = { authenticate };
