import { createAuth0Client } from '@auth0/auth0-spa-js';

export const auth0 = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'x7Kp2mQ9rT4vW8yZ1aB3cD5eF6gH0jL2' });

export async function fetchInvoices() {
  const accessToken = await auth0.getTokenSilently({ authorizationParams: { audience: 'https://orders.acme.com' } });
  return fetch('/api/invoices', { headers: { Authorization: `Bearer ${accessToken}` } });
}

export async function fetchOrders() {
  const token = await auth0.getTokenSilently({ authorizationParams: { audience: 'https://orders.acme.com' } });
  return fetch('/api/orders', { headers: { Authorization: `Bearer ${token}` } });
}
