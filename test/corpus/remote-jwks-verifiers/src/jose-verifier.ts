import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = 'https://acme.okta.com/oauth2/default';
const JWKS = createRemoteJWKSet(new URL(`${ISSUER}/v1/keys`), { cooldownDuration: 30_000 });

export async function requireAccessToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  try {
    const { payload } = await jwtVerify(token, JWKS, {
      issuer: ISSUER,
      audience: 'api://default',
      algorithms: ['RS256'],
    });
    res.locals.claims = payload;
    return next();
  } catch {
    return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
  }
}
