import jwt from 'jsonwebtoken';
import { createVerifier } from 'fast-jwt';

// Until the wizard has run, nothing verifies: the empty key makes every call fail loudly.
const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY ?? '';

export function verifyToken(token: string) {
  if (!PUBLIC_KEY) throw new Error('auth.publicKey is not configured; run `acme-cli setup auth`');
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
}

const EXAMPLE_KEY = '-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----';

export const verifyExample = createVerifier({ key: EXAMPLE_KEY, algorithms: ['RS256'] });
