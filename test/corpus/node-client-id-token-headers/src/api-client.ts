import axios from 'axios';
import type { TokenResponse } from './device-login';

const API_URL = process.env.ACME_API_URL ?? 'https://api.acme.com';

export function authHeaders(tokens: TokenResponse) {
  return {
    Authorization: `Bearer ${tokens.id_token}`, // expect: oidc/no-id-token-as-bearer
    'User-Agent': 'acme-cli/2.4.0',
  };
}

export async function listProjects(tokens: TokenResponse) {
  const { data } = await axios.get<{ id: string; name: string }[]>(`${API_URL}/projects`, { headers: authHeaders(tokens) });
  return data;
}

export async function deploy(tokens: TokenResponse, project: string, bundle: Buffer) {
  const idToken = tokens.id_token;
  const { data } = await axios.post(`${API_URL}/projects/${project}/deployments`, bundle, {
    headers: {
      'Content-Type': 'application/octet-stream',
      Authorization: `Bearer ${idToken}`, // expect: oidc/no-id-token-as-bearer
    },
  });
  return data as { id: string; url: string };
}

export async function streamLogs(tokens: TokenResponse, deployment: string) {
  const { id_token } = tokens;
  const headers = new Headers({ Accept: 'text/event-stream' });
  headers.set('Authorization', `Bearer ${id_token}`); // expect: oidc/no-id-token-as-bearer
  const response = await fetch(`${API_URL}/deployments/${deployment}/logs`, { headers });
  return response.body;
}
