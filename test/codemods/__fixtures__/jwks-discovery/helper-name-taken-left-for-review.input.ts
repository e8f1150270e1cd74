import jwt from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;

// Our own factory, unrelated to the runtime's.
export function createAccessTokenVerifier(audience: string) {
  return (token: string) => jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience });
}
