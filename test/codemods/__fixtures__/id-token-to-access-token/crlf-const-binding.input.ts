import { useOktaAuth } from '@okta/okta-react';

export function useHeaders() {
  const { authState } = useOktaAuth();
  const idToken = authState?.idToken?.idToken;
  return idToken ? { Authorization: `Bearer ${idToken}` } : {};
}
