import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { NextFunction, Request, Response } from 'express';

const accessTokens = CognitoJwtVerifier.create({ userPoolId: 'us-east-1_AbCdEf123', tokenUse: 'access', clientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  try {
    res.locals.claims = await accessTokens.verify(req.headers.authorization?.replace('Bearer ', '') ?? '');
    next();
  } catch {
    res.sendStatus(401);
  }
}
