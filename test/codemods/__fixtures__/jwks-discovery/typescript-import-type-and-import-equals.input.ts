import type { JwtPayload } from 'jsonwebtoken';
import jwt = require('jsonwebtoken');

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;

async function authenticate(token: string): Promise<JwtPayload> {
  return jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' }) as JwtPayload;
}

export = { authenticate };
