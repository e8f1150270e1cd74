import jwt from 'jsonwebtoken';

/* Section: keys */
export const region = 'eu'; const unrelated = 1; // ends like a comment */
const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;

/**
 * The key of the
 * default server.
 */
const SECOND = OKTA_PUBLIC_KEY;

export function authenticate(token: string) {
  return jwt.verify(token, SECOND, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' }, (error, claims) => claims);
}
