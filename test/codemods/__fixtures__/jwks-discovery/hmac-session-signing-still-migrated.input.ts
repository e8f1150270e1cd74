import jwt from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;

export function sessionCookie(subject: string): string {
  return jwt.sign({ sub: subject }, process.env.SESSION_SECRET!, { expiresIn: '1h' });
}

export function authenticate(token: string) {
  return jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' }, (error, claims) => claims);
}
