import axios from 'axios';
import type { TokenResponse } from './device-login';

const ISSUER = 'https://acme.okta.com/oauth2/default';

export function authHeaders(tokens: TokenResponse) {
  return { Authorization: `Bearer ${tokens.access_token}`, 'User-Agent': 'acme-cli/2.4.0' };
}

export async function deploy(tokens: TokenResponse, bundle: Buffer) {
  const accessToken = tokens.access_token;
  return axios.post('/deployments', bundle, { headers: { Authorization: `Bearer ${accessToken}` } });
}

export async function streamLogs(tokens: TokenResponse) {
  const { access_token } = tokens;
  const headers = new Headers({ Accept: 'text/event-stream' });
  headers.set('Authorization', `Bearer ${access_token}`);
  return fetch('/logs', { headers });
}

// The ID token is also the logout hint: only a person can split the two.
export async function signOut(tokens: TokenResponse) {
  const idToken = tokens.id_token;
  await fetch('/api/sessions', { method: 'DELETE', headers: { Authorization: `Bearer ${idToken}` } });
  return `${ISSUER}/v1/logout?id_token_hint=${idToken}`;
}
