import { getAuth } from 'firebase/auth';

export async function fetchNotes() {
  const user = getAuth().currentUser;
  if (!user) throw new Error('not signed in');
  const idToken = await user.getIdToken();
  const response = await fetch('/api/notes', {
    headers: { Authorization: `Bearer ${idToken}` },
  });
  return response.json() as Promise<{ id: string; text: string }[]>;
}
