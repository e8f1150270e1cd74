import type { KeyObject } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import jwt, { type JwtPayload } from 'jsonwebtoken';

export interface AuthenticateOptions {
  /** Resolved by the caller: production passes a JWKS-backed key, tests pass a generated one. */
  key: KeyObject | string | jwt.GetPublicKeyOrSecret;
  issuer: string;
  audience: string;
}

export function createAuthenticate({ key, issuer, audience }: AuthenticateOptions) {
  return function authenticate(req: Request, res: Response, next: NextFunction) {
    const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (!token) return res.status(401).json({ error: 'missing_token' });
    jwt.verify(token, key as jwt.Secret, { algorithms: ['RS256', 'ES256'], issuer, audience }, (err, claims) => {
      if (err) return res.status(401).json({ error: 'invalid_token' });
      res.locals.claims = claims as JwtPayload;
      return next();
    });
  };
}
