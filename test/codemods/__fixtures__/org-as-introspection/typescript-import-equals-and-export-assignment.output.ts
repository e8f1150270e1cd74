import type { Request, Response, NextFunction } from 'express';
import { createTokenIntrospector } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET!, audience: 'https://acme.okta.com' });

async function requireToken(req: Request, res: Response, next: NextFunction) {
  try {
    const jwt = await tokenIntrospector.introspect(req.headers.authorization?.replace('Bearer ', '') ?? '').then((claims) => ({ claims }));
    res.locals.claims = jwt.claims;
    next();
  } catch {
    res.status(401).end();
  }
}

export = requireToken;
