import { readFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';

// Partner keys are provisioned by the platform team into the environment (rotated by Vault).
const PARTNER_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
${process.env.PARTNER_KEY_BODY}
-----END PUBLIC KEY-----`;

export function verifyPartnerToken(token: string) {
  return jwt.verify(token, PARTNER_PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'urn:partner:shipping' });
}

export function verifyBillingToken(token: string) {
  // Kubernetes secrets keep newlines escaped.
  const key = (process.env.BILLING_PUBLIC_KEY ?? '').replace(/\\n/g, '\n');
  return jwt.verify(token, key, { algorithms: ['RS256'] });
}

export function verifyReportingToken(token: string) {
  const keyFile = process.env.REPORTING_KEY_FILE;
  if (!keyFile) throw new Error('REPORTING_KEY_FILE is not set');
  return jwt.verify(token, readFileSync(keyFile), { algorithms: ['ES256'] });
}
