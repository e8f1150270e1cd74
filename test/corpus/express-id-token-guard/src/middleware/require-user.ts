import OktaJwtVerifier from '@okta/jwt-verifier';
import type { NextFunction, Request, Response } from 'express';

const CLIENT_ID = process.env.OKTA_CLIENT_ID ?? '0oa1b2c3d4e5f6g7h8i9';

// "The ID token already has the user's email and groups", so the SPA sends it to us.
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId: CLIENT_ID });

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return res.status(401).json({ error: 'missing_token' });
  try {
    const jwt = await verifier.verifyIdToken(token, CLIENT_ID); // expect: oidc/no-id-token-as-bearer
    res.locals.user = { email: jwt.claims.email, groups: jwt.claims.groups ?? [] };
    return next();
  } catch (error) {
    return res.status(401).json({ error: 'invalid_token', detail: (error as Error).message });
  }
}
