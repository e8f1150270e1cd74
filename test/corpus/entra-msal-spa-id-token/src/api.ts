import { msal } from './msal';

export async function listOrders() {
  const result = await msal.acquireTokenSilent({ scopes: ['openid', 'profile'], account: msal.getAllAccounts()[0] });
  const response = await fetch('/api/orders', {
    headers: { Authorization: `Bearer ${result.idToken}` }, // expect: oidc/no-id-token-as-bearer
  });
  return response.json();
}

export async function myPhoto() {
  const graph = await msal.acquireTokenSilent({ scopes: ['User.Read'], account: msal.getAllAccounts()[0] });
  return fetch('https://graph.microsoft.com/v1.0/me/photo/$value', { headers: { Authorization: `Bearer ${graph.accessToken}` } });
}
