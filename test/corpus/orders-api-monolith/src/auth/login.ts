import OktaJwtVerifier from '@okta/jwt-verifier';
import type { Request, Response } from 'express';

const CLIENT_ID = process.env.OKTA_CLIENT_ID!;
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId: CLIENT_ID });

export async function loginCallback(req: Request, res: Response) {
  const tokens = await exchangeCode(String(req.query.code));
  const idToken = await verifier.verifyIdToken(tokens.id_token, CLIENT_ID, req.session.nonce);
  req.session.user = idToken.claims.sub;
  res.redirect('/admin');
}

declare function exchangeCode(code: string): Promise<{ id_token: string; access_token: string }>;
declare module 'express-session' {
  interface SessionData {
    nonce: string;
    user: string;
  }
}
