import type { NextFunction, Request, Response } from 'express';
import { createTokenIntrospector } from 'oidc-token-guard';

const { OKTA_DOMAIN } = process.env;
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: `https://${OKTA_DOMAIN}`, clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET!, audience: `https://${OKTA_DOMAIN}` });

export function requireScope(scope: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.headers.authorization?.split(' ')[1];
    if (!token) return res.status(401).end();
    try {
      const { claims } = await tokenIntrospector.introspect(token).then((claims) => ({ claims }));
      if (!(claims.scp as string[]).includes(scope)) return res.status(403).end();
      res.locals.claims = claims;
      return next();
    } catch {
      return res.status(401).end();
    }
  };
}
