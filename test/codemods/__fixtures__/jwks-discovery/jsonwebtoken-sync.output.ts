import express from 'express';
import jwt from 'jsonwebtoken';
import { createAccessTokenVerifier } from 'oidc-token-guard';
const accessTokenVerifier = createAccessTokenVerifier({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });

export async function authenticate(req: express.Request) {
  const token = req.headers.authorization?.split(' ')[1] ?? '';
  const claims = await accessTokenVerifier.verify(token) as jwt.JwtPayload;
  return claims.sub;
}
