import type { NextFunction, Request, Response } from 'express';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';

initializeApp();

export async function requireFirebaseUser(req: Request, res: Response, next: NextFunction) {
  const idToken = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (!idToken) return res.status(401).json({ error: 'missing_token' });
  try {
    const decoded = await getAuth().verifyIdToken(idToken, true);
    res.locals.uid = decoded.uid;
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid_token' });
  }
}
