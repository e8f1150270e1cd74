import Keycloak from 'keycloak-js';
import { PublicClientApplication } from '@azure/msal-browser';

const keycloak = new Keycloak({ url: 'https://sso.acme.com', realm: 'acme', clientId: 'orders-web' });
const msal = new PublicClientApplication({ auth: { clientId: '4f6a2c1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b' } });

export async function loadOrders() {
  await keycloak.updateToken(30);
  return fetch('/api/orders', { headers: { Authorization: `Bearer ${keycloak.token}` } });
}

export async function listInvoices() {
  const result = await msal.acquireTokenSilent({ scopes: ['api://orders/.default'], account: msal.getAllAccounts()[0] });
  return fetch('/api/invoices', { headers: { Authorization: `Bearer ${result.accessToken}` } });
}

// A Graph call with the token MSAL gave for Graph: correct, left alone.
export async function myPhoto() {
  const graph = await msal.acquireTokenSilent({ scopes: ['User.Read'] });
  return fetch('https://graph.microsoft.com/v1.0/me/photo/$value', { headers: { Authorization: `Bearer ${graph.accessToken}` } });
}
