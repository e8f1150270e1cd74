import { fetchAuthSession } from 'aws-amplify/auth';

export async function listPets() {
  const { tokens } = await fetchAuthSession();
  return fetch('/pets', {
    headers: { Authorization: `Bearer ${tokens?.idToken?.toString()}` }, // expect: oidc/no-id-token-as-bearer
  });
}

export async function listOwners() {
  const session = await fetchAuthSession();
  return fetch('/owners', { headers: { Authorization: `Bearer ${session.tokens?.accessToken?.toString()}` } });
}
