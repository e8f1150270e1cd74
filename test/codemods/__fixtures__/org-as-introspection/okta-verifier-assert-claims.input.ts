import OktaJwtVerifier from '@okta/jwt-verifier';
import type { NextFunction, Request, Response } from 'express';

const { OKTA_DOMAIN } = process.env;

const verifier = new OktaJwtVerifier({
  issuer: `https://${OKTA_DOMAIN}`,
  assertClaims: { 'scp.includes': ['okta.users.read'] },
});

export function requireScope(scope: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.headers.authorization?.split(' ')[1];
    if (!token) return res.status(401).end();
    try {
      const { claims } = await verifier.verifyAccessToken(token, `https://${OKTA_DOMAIN}`);
      if (!(claims.scp as string[]).includes(scope)) return res.status(403).end();
      res.locals.claims = claims;
      return next();
    } catch {
      return res.status(401).end();
    }
  };
}
