import { importPKCS8, SignJWT } from 'jose';
import jwt from 'jsonwebtoken';
import { DEV_PRIVATE_KEY, DEV_SIGNING_KID } from './keys/dev-signing-key';

const ISSUER = 'https://id.local.acme.dev';

export function issueLegacyToken(userId: string, scopes: string[]) {
  return jwt.sign({ scp: scopes }, DEV_PRIVATE_KEY, {
    algorithm: 'RS256',
    keyid: DEV_SIGNING_KID,
    issuer: ISSUER,
    subject: userId,
    audience: 'api://local',
    expiresIn: '10m',
  });
}

export async function issueToken(userId: string, scopes: string[]) {
  const key = await importPKCS8(DEV_PRIVATE_KEY, 'RS256');
  return new SignJWT({ scp: scopes })
    .setProtectedHeader({ alg: 'RS256', kid: DEV_SIGNING_KID })
    .setIssuer(ISSUER)
    .setSubject(userId)
    .setAudience('api://local')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);
}
