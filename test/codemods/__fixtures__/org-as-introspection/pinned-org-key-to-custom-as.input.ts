import jwt from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;

export function authenticate(token: string) {
  const claims = jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: 'https://acme.okta.com', audience: 'https://acme.okta.com' }) as jwt.JwtPayload;
  return claims.sub;
}
