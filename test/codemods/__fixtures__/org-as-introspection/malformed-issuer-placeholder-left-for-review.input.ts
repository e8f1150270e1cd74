import { OktaAuth } from '@okta/okta-auth-js';

// From the quickstart; the values below were meant to be replaced.
export const oktaAuth = new OktaAuth({
  issuer: 'https://{yourOktaDomain}/oauth2/default',
  clientId: '0oa1b2c3d4e5f6g7h8i9',
  redirectUri: window.location.origin + '/login/callback',
  scopes: ['openid', 'profile', 'email'],
  pkce: true,
});
