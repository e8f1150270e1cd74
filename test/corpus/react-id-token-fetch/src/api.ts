import { oktaAuth } from './oktaAuth';

const API = import.meta.env.VITE_API_URL as string;

export async function getOrders(): Promise<{ id: string; status: string }[]> {
  const response = await fetch(`${API}/orders`, {
    headers: {
      Authorization: `Bearer ${oktaAuth.getIdToken()}`, // expect: oidc/no-id-token-as-bearer
      Accept: 'application/json',
    },
  });
  if (response.status === 401) await oktaAuth.signInWithRedirect();
  return response.json();
}
