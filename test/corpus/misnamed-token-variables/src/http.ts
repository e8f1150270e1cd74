import { oktaAuth } from './oktaAuth';

// Historical name: this was an ID token until the 2022 auth review; it is the access token now.
export async function authorizedFetch(input: string, init: RequestInit = {}) {
  const idToken = oktaAuth.getAccessToken();
  return fetch(input, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${idToken}` },
  });
}

export async function refreshAndFetch(input: string) {
  const { tokens } = await oktaAuth.token.getWithoutPrompt({ scopes: ['openid', 'orders:read'] });
  const idToken = tokens.accessToken?.accessToken;
  return fetch(input, { headers: { Authorization: 'Bearer ' + idToken } });
}
