import { importSPKI, jwtVerify } from 'jose';

const AUTH0_DOMAIN = 'acme.eu.auth0.com';
const key = await importSPKI('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----', 'RS256');

export async function handler(token) {
  const { payload } = await jwtVerify(token, key, { issuer: `https://${AUTH0_DOMAIN}/`, audience: `https://${AUTH0_DOMAIN}/userinfo` });
  return payload.sub;
}
