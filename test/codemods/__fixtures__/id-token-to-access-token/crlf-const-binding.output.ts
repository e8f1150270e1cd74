import { useOktaAuth } from '@okta/okta-react';

export function useHeaders() {
  const { authState } = useOktaAuth();
  const accessToken = authState?.accessToken?.accessToken;
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}
