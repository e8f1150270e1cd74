import type { Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { CLIENT_ID, exchangeCode, ORG_URL } from './token-client';

const orgKeys = createRemoteJWKSet(new URL(`${ORG_URL}/oauth2/v1/keys`));

// The admin pages sign in with the same Okta app; the ID token is checked by hand here.
export async function adminCallback(req: Request, res: Response) {
  const tokens = await exchangeCode(String(req.query.code), req.session.codeVerifier, 'https://portal.acme.com/admin/callback');
  const { payload } = await jwtVerify(tokens.id_token, orgKeys, {
    issuer: ORG_URL,
    audience: CLIENT_ID,
    maxTokenAge: '10m',
  });
  if (payload.nonce !== req.session.nonce) return res.status(400).send('nonce mismatch');
  if (!(payload.groups as string[] | undefined)?.includes('Portal Admins')) return res.status(403).send('not an admin');
  req.session.user = { sub: String(payload.sub), name: String(payload.name) };
  return res.redirect('/admin');
}
