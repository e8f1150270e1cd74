import axios from 'axios';

export const api = axios.create({ baseURL: '/api' });

api.interceptors.request.use((config) => {
  const idToken = localStorage.getItem('id_token');
  if (idToken) config.headers.Authorization = `Bearer ${idToken}`; // expect: oidc/no-id-token-as-bearer
  return config;
});

export async function loadOrders() {
  const storage = JSON.parse(localStorage.getItem('okta-token-storage') || '{}');
  const response = await fetch('/api/orders', {
    headers: { Authorization: `Bearer ${storage.idToken.idToken}` }, // expect: oidc/no-id-token-as-bearer
  });
  return response.json();
}

export async function loadProfile() {
  const response = await fetch('/api/profile', {
    headers: { Authorization: 'Bearer ' + sessionStorage.getItem('access_token') },
  });
  return response.json();
}
