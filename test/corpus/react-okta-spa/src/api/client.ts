import axios from 'axios';
import { oktaAuth } from '../auth/oktaAuth';

export const api = axios.create({ baseURL: '/api' });

api.interceptors.request.use(async (config) => {
  const accessToken = await oktaAuth.tokenManager.get('accessToken');
  if (accessToken && 'accessToken' in accessToken) {
    config.headers.Authorization = `Bearer ${accessToken.accessToken}`;
  }
  return config;
});

export async function listProjects() {
  const response = await fetch('/api/projects', {
    headers: { Authorization: `Bearer ${oktaAuth.getAccessToken()}`, Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`projects: ${response.status}`);
  return response.json() as Promise<{ id: string; name: string }[]>;
}
