import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';

const SESSION_SECRET = process.env.SESSION_SECRET ?? 'local-dev-session-secret-please-change';
const SESSION_COOKIE = 'sid';

export function issueSession(res: Response, userId: string) {
  const token = jwt.sign({ sub: userId }, SESSION_SECRET, { algorithm: 'HS256', expiresIn: '8h' });
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'lax' });
}

export function readSession(req: Request): string | undefined {
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return undefined;
  try {
    const claims = jwt.verify(token, SESSION_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    return claims.sub;
  } catch {
    return undefined;
  }
}

export function verifyUnsubscribeLink(token: string) {
  return jwt.verify(token, 'unsubscribe-links-v2', { algorithms: ['HS256'] }) as { email: string; list: string };
}
