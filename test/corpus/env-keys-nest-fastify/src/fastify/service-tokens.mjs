import { importSPKI, jwtVerify } from 'jose';

const servicePublicKey = await importSPKI(process.env.SERVICE_TOKEN_PUBLIC_KEY, 'ES256');

export async function verifyServiceToken(token) {
  const { payload } = await jwtVerify(token, servicePublicKey, { issuer: 'urn:acme:scheduler', audience: 'urn:acme:api' });
  return payload;
}
