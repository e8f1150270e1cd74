import { fetchAuthSession } from 'aws-amplify/auth';

export async function listPets() {
  const { tokens } = await fetchAuthSession();
  return fetch('/pets', { headers: { Authorization: `Bearer ${tokens?.idToken?.toString()}` } });
}

export async function listOwners() {
  const session = await fetchAuthSession();
  return fetch('/owners', { headers: { Authorization: `Bearer ${session.tokens?.idToken?.toString()}` } });
}

// ID-token claims read for display: left alone.
export async function displayName() {
  const { tokens } = await fetchAuthSession();
  return String(tokens?.idToken?.payload.email ?? '');
}
