import jwt from 'jsonwebtoken';

const REALM_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`;

export async function authenticate(token: string) {
  return jwt.verify(token, REALM_PUBLIC_KEY, { issuer: 'https://sso.example.com/realms/shop', audience: 'account' });
}
