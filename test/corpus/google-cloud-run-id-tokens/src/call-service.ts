import { GoogleAuth } from 'google-auth-library';

const auth = new GoogleAuth();

export async function callBilling(url: string) {
  const client = await auth.getIdTokenClient(url);
  const response = await client.request({ url: `${url}/invoices` });
  return response.data;
}

export async function callBillingWithFetch(url: string) {
  const client = await auth.getIdTokenClient(url);
  const idToken = await client.idTokenProvider.fetchIdToken(url);
  return fetch(`${url}/invoices`, { headers: { Authorization: `Bearer ${idToken}` } });
}
