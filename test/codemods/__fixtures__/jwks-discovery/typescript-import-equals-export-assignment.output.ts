import jwt = require('jsonwebtoken');
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });

async function authenticate(token: string): Promise<jwt.JwtPayload> {
  return await accessTokenVerifier.verify(token) as jwt.JwtPayload;
}

export = { authenticate };
