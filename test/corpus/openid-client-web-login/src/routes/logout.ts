import { Router } from 'express';
import * as client from 'openid-client';
import { config } from '../oidc';

export const logout = Router();

logout.post('/logout', (req, res) => {
  const idToken = req.session.idToken;
  req.session.destroy(() => {
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: idToken!,
      post_logout_redirect_uri: 'https://app.acme.com/',
    });
    res.redirect(url.href);
  });
});
