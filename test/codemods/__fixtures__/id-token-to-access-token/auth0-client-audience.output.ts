import { Auth0Client } from '@auth0/auth0-spa-js';

const auth0 = new Auth0Client({
  domain: 'acme.auth0.com',
  clientId: 'x7Kp2mQ9rT4vW8yZ1aB3cD5eF6gH0jL2',
  authorizationParams: { audience: 'https://api.acme.com', redirect_uri: window.location.origin },
});

export async function fetchInvoices() {
  const accessToken = await auth0.getTokenSilently();
  if (!accessToken) throw new Error('not signed in');
  return fetch('/api/invoices', { headers: { Authorization: `Bearer ${accessToken}` } });
}
