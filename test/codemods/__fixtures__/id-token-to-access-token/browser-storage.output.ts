import Cookies from 'js-cookie';

export function reportsClient() {
  const headers = new Headers();
  headers.set('Authorization', `Bearer ${Cookies.get('access_token')}`);
  return (path: string) => fetch(`/reports${path}`, { headers });
}

export function billingClient() {
  const accessToken = Cookies.get('access_token');
  return (path: string) => fetch(`/billing${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
}

// Nothing here keeps the access token in localStorage: left for a person.
export function ordersClient() {
  const idToken = localStorage.getItem('id_token');
  return fetch('/orders', { headers: { Authorization: `Bearer ${idToken}` } });
}

export function logoutUrl(issuer: string) {
  const idToken = Cookies.get('id_token');
  return `${issuer}/v1/logout?id_token_hint=${encodeURIComponent(idToken ?? '')}`;
}
