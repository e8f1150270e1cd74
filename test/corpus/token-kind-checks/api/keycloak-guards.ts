import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { NextFunction, Request, Response } from 'express';

const realm = 'https://sso.acme.com/realms/acme';
const certs = createRemoteJWKSet(new URL(`${realm}/protocol/openid-connect/certs`));

async function claimsOf(req: Request) {
  const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
  return (await jwtVerify(token, certs, { issuer: realm })).payload;
}

// Refuses ID tokens outright.
export async function refuseIdTokens(req: Request, res: Response, next: NextFunction) {
  const payload = await claimsOf(req);
  if (payload.typ === 'ID') return res.sendStatus(401);
  res.locals.user = payload;
  next();
}

// Lets only access tokens through.
export async function requireAccessToken(req: Request, res: Response, next: NextFunction) {
  const payload = await claimsOf(req);
  if (payload.typ !== 'Bearer') throw new Error('not an access token');
  res.locals.user = payload;
  next();
}
