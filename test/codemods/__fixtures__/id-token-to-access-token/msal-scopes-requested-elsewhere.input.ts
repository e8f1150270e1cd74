import { PublicClientApplication } from '@azure/msal-browser';

const msal = new PublicClientApplication({ auth: { clientId: '4f6a2c1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b' } });

export async function listInvoices() {
  const result = await msal.acquireTokenSilent({ scopes: ['openid', 'profile'] });
  return fetch('/api/invoices', { headers: { Authorization: `Bearer ${result.idToken}` } });
}

export async function listOrders() {
  const result = await msal.acquireTokenSilent({ scopes: ['api://orders-api/Orders.Read'] });
  return fetch('/api/orders', { headers: { Authorization: `Bearer ${result.accessToken}` } });
}
