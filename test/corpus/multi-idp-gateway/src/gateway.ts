import type { NextFunction, Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { verifyAuth0 } from './providers/auth0';
import { verifyCognito } from './providers/cognito';
import { verifyKeycloak } from './providers/keycloak.mjs';

const { verifyEntra, verifyGoogle } = require('./providers/microsoft-google') as Record<string, (token: string) => Promise<unknown>>;

const byIssuerPrefix: [string, (token: string) => Promise<unknown>][] = [
  ['https://acme.eu.auth0.com/', verifyAuth0],
  ['https://cognito-idp.', verifyCognito],
  ['https://login.microsoftonline.com/', verifyEntra!],
  ['https://accounts.google.com', verifyGoogle!],
  ['https://keycloak.acme.internal/', verifyKeycloak],
];

export async function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (!token) return res.sendStatus(401);
  const issuer = String(decodeJwt(token).iss ?? '');
  const verify = byIssuerPrefix.find(([prefix]) => issuer.startsWith(prefix))?.[1];
  if (!verify) return res.sendStatus(401);
  try {
    res.locals.claims = await verify(token);
    return next();
  } catch {
    return res.sendStatus(401);
  }
}
