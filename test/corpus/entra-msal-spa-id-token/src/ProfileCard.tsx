import { useMsal } from '@azure/msal-react';

export function ProfileCard() {
  const { accounts } = useMsal();
  const claims = accounts[0]?.idTokenClaims;
  return <p>{claims?.name} ({claims?.preferred_username})</p>;
}
