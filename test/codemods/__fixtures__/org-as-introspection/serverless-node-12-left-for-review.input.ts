import OktaJwtVerifier from '@okta/jwt-verifier';
import type { NextFunction, Request, Response } from 'express';

const verifier = new OktaJwtVerifier({
  issuer: 'https://acme.okta.com',
  clientId: process.env.OKTA_CLIENT_ID,
});

export async function requireAccessToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).end();
  try {
    const jwt = await verifier.verifyAccessToken(token, 'https://acme.okta.com');
    res.locals.claims = jwt.claims;
    next();
  } catch {
    res.status(401).end();
  }
}
