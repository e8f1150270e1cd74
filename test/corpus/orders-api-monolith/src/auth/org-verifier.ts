import OktaJwtVerifier from '@okta/jwt-verifier';
import type { NextFunction, Request, Response } from 'express';

// v2 routes.
const verifier = new OktaJwtVerifier({
  issuer: process.env.OKTA_ISSUER ?? 'https://acme.okta.com', // expect: oidc/no-org-as-local-verification
});

export async function requireAccessToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.sendStatus(401);
  try {
    res.locals.jwt = await verifier.verifyAccessToken(token, process.env.OKTA_AUDIENCE ?? 'https://acme.okta.com');
    return next();
  } catch {
    return res.sendStatus(401);
  }
}
