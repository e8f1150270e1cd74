import { GoogleAuth } from 'google-auth-library';
import { OktaAuth } from '@okta/okta-auth-js';

const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1b2c3d4e5f6g7h8i9' });
const auth = new GoogleAuth();

// Cloud Run expects a Google ID token for its URL as the bearer credential.
export async function callRenderer(url: string) {
  const client = await auth.getIdTokenClient(url);
  const idToken = await client.idTokenProvider.fetchIdToken(url);
  return fetch(url, { headers: { Authorization: `Bearer ${idToken}` } });
}

// Access tokens already.
export async function listOrders() {
  const accessToken = oktaAuth.getAccessToken();
  return fetch('/api/orders', { headers: { Authorization: `Bearer ${accessToken}` } });
}

// The ID token as a logout hint, not a credential.
export function signOutUrl() {
  const idToken = oktaAuth.getIdToken();
  return `https://acme.okta.com/oauth2/default/v1/logout?id_token_hint=${idToken}`;
}
