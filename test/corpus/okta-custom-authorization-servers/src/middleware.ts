import type { NextFunction, Request, Response } from 'express';
import { verifyCustomerToken, verifyPartnerToken } from './verifiers';

export function requireToken(kind: 'customer' | 'partner') {
  const verify = kind === 'customer' ? verifyCustomerToken : verifyPartnerToken;
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    try {
      res.locals.jwt = await verify(token);
      next();
    } catch {
      res.sendStatus(401);
    }
  };
}
