import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { NextFunction, Request, Response } from 'express';

const realm = 'https://sso.acme.com/realms/acme';
const certs = createRemoteJWKSet(new URL(`${realm}/protocol/openid-connect/certs`));

export async function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice('Bearer '.length) ?? '';
  const { payload } = await jwtVerify(token, certs, { issuer: realm });
  if (payload.typ !== 'ID') return res.sendStatus(401); // expect: oidc/no-id-token-as-bearer
  res.locals.user = payload;
  next();
}
