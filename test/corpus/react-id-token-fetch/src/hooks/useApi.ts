import { useOktaAuth } from '@okta/okta-react';
import { useCallback } from 'react';

export function useApi() {
  const { authState } = useOktaAuth();
  const idToken = authState?.idToken?.idToken;

  return useCallback(
    async <T,>(path: string, init: RequestInit = {}): Promise<T> => {
      const response = await fetch(`/api${path}`, {
        ...init,
        headers: {
          ...init.headers,
          Authorization: 'Bearer ' + idToken, // expect: oidc/no-id-token-as-bearer
        },
      });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return (await response.json()) as T;
    },
    [idToken],
  );
}
