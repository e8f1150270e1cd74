import { useOktaAuth } from '@okta/okta-react';
import axios from 'axios';
import { useEffect, type ReactNode } from 'react';

// Sets the API credential once the user has signed in, for every axios call in the app.
export function ApiCredentials({ children }: { children: ReactNode }) {
  const { authState } = useOktaAuth();

  useEffect(() => {
    if (authState?.isAuthenticated) {
      axios.defaults.headers.common['Authorization'] = `Bearer ${authState.idToken?.idToken}`; // expect: oidc/no-id-token-as-bearer
    } else {
      delete axios.defaults.headers.common['Authorization'];
    }
  }, [authState]);

  return <>{children}</>;
}
