import OktaJwtVerifier from '@okta/jwt-verifier';
import type { NextFunction, Request, Response } from 'express';

const verifier = new OktaJwtVerifier({ issuer: process.env.OKTA_ISSUER! });

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const [, idToken] = (req.headers.authorization ?? '').split(' ');
  try {
    const jwt = await verifier.verifyIdToken(idToken, process.env.OKTA_CLIENT_ID!, undefined as unknown as string);
    res.locals.email = jwt.claims.email;
    next();
  } catch {
    res.status(401).end();
  }
}
