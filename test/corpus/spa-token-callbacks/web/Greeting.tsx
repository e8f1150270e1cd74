import { useOktaAuth } from '@okta/okta-react';
import { jwtDecode } from 'jwt-decode';

export function Greeting() {
  const { authState } = useOktaAuth();
  const idToken = authState?.idToken?.idToken;
  return <p>Hello, {idToken ? jwtDecode<{ name: string }>(idToken).name : 'guest'}</p>;
}
