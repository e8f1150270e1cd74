// Express middleware for the orders API, on Okta's own verifier library.
import OktaJwtVerifier from '@okta/jwt-verifier';
import type { NextFunction, Request, Response } from 'express';

const OKTA_DOMAIN = process.env.OKTA_DOMAIN ?? 'acme.okta.com';

// The org authorization server: no /oauth2/<id> in the issuer.
const verifier = new OktaJwtVerifier({
  issuer: `https://${OKTA_DOMAIN}`,
  clientId: process.env.OKTA_CLIENT_ID,
});

export async function requireAccessToken(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).end();
  try {
    const jwt = await verifier.verifyAccessToken(token, `https://${OKTA_DOMAIN}`);
    res.locals.claims = jwt.claims;
    next();
  } catch {
    res.status(401).end();
  }
}
