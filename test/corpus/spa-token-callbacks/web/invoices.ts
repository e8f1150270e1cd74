import type { IDToken, OktaAuth } from '@okta/okta-auth-js';

export function loadInvoices(oktaAuth: OktaAuth) {
  return oktaAuth.tokenManager
    .get('idToken')
    .then((idToken) =>
      fetch('/api/invoices', {
        headers: { Authorization: `Bearer ${(idToken as IDToken).idToken}` }, // expect: oidc/no-id-token-as-bearer
      }),
    );
}

export function signOutUrl(oktaAuth: OktaAuth) {
  const hint = encodeURIComponent(oktaAuth.getIdToken() ?? '');
  return `https://acme.okta.com/oauth2/default/v1/logout?id_token_hint=${hint}&post_logout_redirect_uri=${encodeURIComponent(window.location.origin)}`;
}
