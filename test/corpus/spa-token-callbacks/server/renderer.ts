import { GoogleAuth } from 'google-auth-library';

const auth = new GoogleAuth();
const RENDERER_URL = 'https://renderer-abc123-uc.a.run.app';

// Cloud Run checks a Google ID token whose audience is the service URL.
export async function render(markdown: string) {
  const client = await auth.getIdTokenClient(RENDERER_URL);
  const idToken = await client.idTokenProvider.fetchIdToken(RENDERER_URL);
  const response = await fetch(`${RENDERER_URL}/render`, { method: 'POST', headers: { Authorization: `Bearer ${idToken}` }, body: markdown });
  return response.text();
}
