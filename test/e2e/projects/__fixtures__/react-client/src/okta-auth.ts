// The single-page app's sign-in: Okta's default custom authorization server, authorization code with PKCE.
import { OktaAuth } from '@okta/okta-auth-js';

export const oktaAuth = new OktaAuth({
  issuer: 'https://acme.okta.com/oauth2/default',
  clientId: '0oa1spaclient0000000',
  redirectUri: `${window.location.origin}/login/callback`,
  scopes: ['openid', 'profile', 'orders:read'],
});
