import jwt, * as everything from 'jsonwebtoken';
import type * as Types from 'jsonwebtoken';

const OKTA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;

export const version = everything.TokenExpiredError.name;
export type { Types };

export async function authenticate(token: string) {
  return jwt.verify(token, OKTA_PUBLIC_KEY, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' }) as Types.JwtPayload;
}
