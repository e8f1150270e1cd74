import { OktaAuth } from '@okta/okta-auth-js';

export const ISSUER = 'https://acme.okta.com';

export const oktaAuth = new OktaAuth({
  issuer: ISSUER,
  clientId: '0oa1b2c3d4e5f6g7h8i9',
  redirectUri: `${window.location.origin}/login/callback`,
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  pkce: true,
  tokenManager: { autoRenew: true, storage: 'sessionStorage' },
});

export async function logout() {
  const idToken = oktaAuth.getIdToken();
  oktaAuth.tokenManager.clear();
  const params = new URLSearchParams({
    id_token_hint: idToken ?? '',
    post_logout_redirect_uri: window.location.origin,
  });
  window.location.assign(`${ISSUER}/oauth2/v1/logout?${params}`);
}
