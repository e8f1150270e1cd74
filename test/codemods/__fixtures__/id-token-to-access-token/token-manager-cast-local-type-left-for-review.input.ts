import type { StoredIdToken as IDToken } from './token-types';
import { oktaAuth } from './okta-auth';

export async function listInvoices(): Promise<Response> {
  return fetch('/api/invoices', { headers: { Authorization: `Bearer ${((await oktaAuth.tokenManager.get('idToken')) as IDToken).idToken}` } });
}
