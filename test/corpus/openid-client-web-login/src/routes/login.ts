import { Router } from 'express';
import * as client from 'openid-client';
import { config } from '../oidc';

export const login = Router();

login.get('/login', async (req, res) => {
  const codeVerifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  req.session.oidc = { codeVerifier, nonce };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: 'https://app.acme.com/callback',
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    nonce,
  });
  res.redirect(url.href);
});

login.get('/callback', async (req, res) => {
  const { codeVerifier, nonce } = req.session.oidc ?? {};
  const tokens = await client.authorizationCodeGrant(config, new URL(req.originalUrl, 'https://app.acme.com'), {
    pkceCodeVerifier: codeVerifier,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  req.session.user = { sub: claims.sub, email: String(claims.email) };
  req.session.idToken = tokens.id_token;
  req.session.accessToken = tokens.access_token;
  res.redirect('/');
});

login.get('/dashboard-data', async (req, res) => {
  const response = await fetch('https://api.acme.com/v1/dashboard', {
    headers: { Authorization: `Bearer ${req.session.accessToken}` },
  });
  res.status(response.status).json(await response.json());
});

declare module 'express-session' {
  interface SessionData {
    oidc: { codeVerifier: string; nonce: string };
    user: { sub: string; email: string };
    idToken: string;
    accessToken: string;
  }
}
