import type { AuthState, IDToken, AccessToken } from '@okta/okta-auth-js';
import { oktaAuth } from './okta-auth';

export function greeting(authState: AuthState): string {
  const idToken: IDToken | undefined = authState.idToken;
  return `Hello ${idToken?.claims.name ?? 'stranger'}`;
}

export async function listInvoices(): Promise<Response> {
  return fetch('/api/invoices', { headers: { Authorization: `Bearer ${((await oktaAuth.tokenManager.get('accessToken')) as AccessToken).accessToken}` } });
}
