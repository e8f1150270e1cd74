import { SignJWT, importPKCS8, importSPKI, jwtVerify } from 'jose';

const PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvLJH3dzTA76FqGtX7K66
-----END PUBLIC KEY-----`;

export async function issue(subject: string): Promise<string> {
  const key = await importPKCS8(process.env.SIGNING_KEY!, 'ES256');
  return new SignJWT({ sub: subject }).setProtectedHeader({ alg: 'ES256' }).setIssuedAt().setExpirationTime('1h').sign(key);
}

export async function authenticate(token: string) {
  const { payload } = await jwtVerify(token, await importSPKI(PUBLIC_PEM, 'ES256'), { issuer: 'https://api.acme.com' });
  return payload;
}
