import type { NextFunction, Request, Response } from 'express';
import { oktaJwtVerifier } from '../okta/verifier';

export async function requireAccessToken(req: Request, res: Response, next: NextFunction) {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!match) return res.status(401).json({ error: 'missing_token' });
  try {
    const jwt = await oktaJwtVerifier.verifyAccessToken(match[1]!, 'https://acme.okta.com');
    res.locals.claims = jwt.claims;
    return next();
  } catch (error) {
    return res.status(401).json({ error: 'invalid_token', detail: (error as Error).message });
  }
}
