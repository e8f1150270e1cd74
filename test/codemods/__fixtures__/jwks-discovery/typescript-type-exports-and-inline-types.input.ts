import { type JWTPayload, importSPKI, jwtVerify, type KeyLike } from 'jose';
export type { JWTPayload } from 'jose';
export type Claims = JWTPayload & { scp?: string[] };

const PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;
const keyPromise: Promise<KeyLike> = importSPKI(PEM, 'RS256');

export async function authenticate(token: string): Promise<Claims> {
  const { payload } = await jwtVerify(token, await keyPromise, { issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default' });
  return payload;
}
