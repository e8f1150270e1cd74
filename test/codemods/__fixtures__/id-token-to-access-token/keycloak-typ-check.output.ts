import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { NextFunction, Request, Response } from 'express';

const realm = 'https://sso.acme.com/realms/acme';
const certs = createRemoteJWKSet(new URL(`${realm}/protocol/openid-connect/certs`));

export async function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice('Bearer '.length) ?? '';
  const { payload, protectedHeader } = await jwtVerify(token, certs, { issuer: realm });
  // The JOSE header's typ is another thing: it stays as it is.
  if (protectedHeader.typ !== 'JWT') return res.sendStatus(401);
  if (payload.typ !== 'Bearer') return res.sendStatus(401);
  res.locals.user = payload;
  next();
}

export async function authenticateLoose(req: Request, res: Response, next: NextFunction) {
  const { payload } = await jwtVerify(String(req.headers['x-token']), certs, { issuer: realm });
  if ("Bearer" === payload.typ) {
    res.locals.user = payload;
    return next();
  }
  res.sendStatus(401);
}

// Already right: a check that refuses ID tokens is left as it is.
export async function refuseIdTokens(req: Request, res: Response, next: NextFunction) {
  const { payload } = await jwtVerify(req.headers.authorization?.slice(7) ?? '', certs, { issuer: realm });
  if (payload.typ === 'ID') return res.sendStatus(401);
  next();
}
