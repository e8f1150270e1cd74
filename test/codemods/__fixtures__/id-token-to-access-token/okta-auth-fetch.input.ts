import { oktaAuth } from './auth';

export async function listOrders() {
  const response = await fetch('/api/orders', {
    headers: { Authorization: `Bearer ${oktaAuth.getIdToken()}` },
  });
  return response.json();
}
