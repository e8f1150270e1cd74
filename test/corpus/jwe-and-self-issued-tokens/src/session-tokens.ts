import jwt from 'jsonwebtoken';
import { SESSION_PRIVATE_KEY, SESSION_PUBLIC_KEY } from './session-keys';

// This service issues its own session tokens and checks them itself: no provider rotates this pair.
export function issueSessionToken(userId: string) {
  return jwt.sign({ sub: userId }, SESSION_PRIVATE_KEY, { algorithm: 'ES256', expiresIn: '15m', issuer: 'session-service' });
}

export function checkSessionToken(token: string) {
  return jwt.verify(token, SESSION_PUBLIC_KEY, { algorithms: ['ES256'], issuer: 'session-service' });
}
