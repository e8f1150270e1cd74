import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';

// A fresh key pair per test run: nothing to rotate, nothing to leak.
export const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

export const ISSUER = 'https://issuer.test/oauth2/default';
export const AUDIENCE = 'api://test';

export function signAccessToken(claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}) {
  return jwt.sign({ scp: ['orders:read'], ...claims }, privateKey, {
    algorithm: 'RS256',
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: 'user@example.com',
    expiresIn: '5m',
    keyid: 'test-key',
    ...options,
  });
}
