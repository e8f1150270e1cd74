import jwt from 'jsonwebtoken';

const AUTH0_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`;

export async function authenticate(token: string) {
  return jwt.verify(token, AUTH0_PUBLIC_KEY, { issuer: 'https://acme.us.auth0.com', audience: 'https://orders.example.com', algorithms: ['RS256'] });
}
