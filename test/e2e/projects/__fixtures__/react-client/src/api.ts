// Calls to the orders API, with the signed-in user's token.
import type { IDToken } from '@okta/okta-auth-js';
import { oktaAuth } from './okta-auth';

export interface Order {
  readonly id: string;
  readonly total: number;
}

export async function listOrders(): Promise<Order[]> {
  const response = await fetch('/api/orders', {
    headers: { Authorization: `Bearer ${((await oktaAuth.tokenManager.get('idToken')) as IDToken).idToken}` },
  });
  if (!response.ok) throw new Error(`orders API answered ${response.status}`);
  return (await response.json()) as Order[];
}
