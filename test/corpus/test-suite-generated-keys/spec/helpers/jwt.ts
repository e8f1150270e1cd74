import { createPublicKey, verify as rsaVerify } from 'node:crypto';

// Minimal RS256 checks for known-answer tests, so that they do not depend on the library under test.
export function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')),
  };
}

export function verify(token: string, pem: string): boolean {
  const [header, payload, signature] = token.split('.');
  const key = createPublicKey(pem);
  return rsaVerify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature ?? '', 'base64url'));
}
