import { OktaAuth, type AccessToken } from '@okta/okta-auth-js';

export const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1spaclient0000000' });

export async function listOrders(): Promise<unknown> {
  const response = await fetch('/api/orders', {
    headers: { Authorization: `Bearer ${((await oktaAuth.tokenManager.get('accessToken')) as AccessToken).accessToken}` },
  });
  return response.json();
}

export async function cancelOrder(id: string): Promise<void> {
  await fetch(`/api/orders/${id}`, {
    method: 'DELETE',
    headers: { Authorization: 'Bearer ' + (<AccessToken>await oktaAuth.tokenManager.get('accessToken')).accessToken },
  });
}
