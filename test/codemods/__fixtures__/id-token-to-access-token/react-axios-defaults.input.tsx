import { useOktaAuth } from '@okta/okta-react';
import axios from 'axios';
import { useEffect } from 'react';

export function ApiCredentials() {
  const { authState } = useOktaAuth();
  useEffect(() => {
    if (authState?.isAuthenticated) {
      axios.defaults.headers.common['Authorization'] = `Bearer ${authState.idToken?.idToken}`;
    }
  }, [authState]);
  return <></>;
}
