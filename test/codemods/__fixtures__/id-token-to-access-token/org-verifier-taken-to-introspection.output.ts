import type { NextFunction, Request, Response } from 'express';
import { createTokenIntrospector } from 'oidc-token-guard';
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!, clientSecret: process.env.OKTA_CLIENT_SECRET!, audience: 'https://acme.okta.com' });

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const [, idToken] = (req.headers.authorization ?? '').split(' ');
  try {
    const jwt = await tokenIntrospector.introspect(idToken).then((claims) => ({ claims }));
    res.locals.subject = jwt.claims.sub;
    next();
  } catch {
    res.status(401).end();
  }
}
