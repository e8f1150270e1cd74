import Cookies from 'js-cookie';

export function reportsClient() {
  const headers = new Headers();
  headers.set('Authorization', `Bearer ${Cookies.get('id_token')}`); // expect: oidc/no-id-token-as-bearer
  return (path: string) => fetch(`/reports${path}`, { headers });
}

export function billingClient() {
  const accessToken = Cookies.get('access_token');
  return (path: string) => fetch(`/billing${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
}

export function logoutUrl(issuer: string) {
  const idToken = Cookies.get('id_token');
  return `${issuer}/v1/logout?id_token_hint=${encodeURIComponent(idToken ?? '')}&post_logout_redirect_uri=${encodeURIComponent(window.location.origin)}`;
}
