// Sign-in for the server-rendered admin pages: the ID token is verified where it belongs, at the callback.
import OktaJwtVerifier from '@okta/jwt-verifier';
import type { Request, Response } from 'express';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID! });

export async function loginCallback(req: Request, res: Response) {
  const tokens = await exchangeCode(String(req.query.code));
  const idToken = await verifier.verifyIdToken(tokens.id_token, process.env.OKTA_CLIENT_ID!, req.session.nonce);
  req.session.user = idToken.claims.sub;
  res.redirect('/admin');
}

declare function exchangeCode(code: string): Promise<{ id_token: string; access_token: string }>;
declare global {
  namespace Express {
    interface Request {
      session: { nonce: string; user?: string };
    }
  }
}
