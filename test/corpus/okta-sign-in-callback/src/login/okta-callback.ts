import OktaJwtVerifier from '@okta/jwt-verifier';
import type { Request, Response } from 'express';
import { CLIENT_ID, exchangeCode } from './token-client';

const verifier = new OktaJwtVerifier({
  issuer: 'https://acme.okta.com',
  clientId: CLIENT_ID,
});

export async function oktaCallback(req: Request, res: Response) {
  const { code, state } = req.query as { code: string; state: string };
  if (state !== req.session.state) return res.status(400).send('state mismatch');

  const tokens = await exchangeCode(code, req.session.codeVerifier, 'https://portal.acme.com/callback');
  const idToken = await verifier.verifyIdToken(tokens.id_token, CLIENT_ID, req.session.nonce);

  req.session.regenerate(() => {
    req.session.user = { sub: idToken.claims.sub, name: String(idToken.claims.name) };
    res.redirect('/');
  });
}

declare module 'express-session' {
  interface SessionData {
    state: string;
    nonce: string;
    codeVerifier: string;
    user: { sub: string; name: string };
  }
}
