// Calls the orders API from the browser.
import { oktaAuth } from './auth';

export async function listOrders() {
  const response = await fetch('/api/v2/orders', {
    headers: { Authorization: `Bearer ${oktaAuth.getIdToken()}` },
  });
  return response.json();
}

export async function listReports() {
  const response = await fetch('/api/reports', {
    headers: { Authorization: `Bearer ${oktaAuth.getAccessToken()}` },
  });
  return response.json();
}
