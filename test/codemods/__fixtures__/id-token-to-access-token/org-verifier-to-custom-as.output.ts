import OktaJwtVerifier from '@okta/jwt-verifier';
import type { NextFunction, Request, Response } from 'express';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default', clientId: process.env.OKTA_CLIENT_ID });

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const [, idToken] = (req.headers.authorization ?? '').split(' ');
  try {
    const jwt = await verifier.verifyAccessToken(idToken, 'api://default');
    res.locals.subject = jwt.claims.sub;
    next();
  } catch {
    res.status(401).end();
  }
}
