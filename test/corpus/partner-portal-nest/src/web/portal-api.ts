import { OktaAuth, type IDToken } from '@okta/okta-auth-js';

export const oktaAuth = new OktaAuth({
  issuer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9',
  clientId: '0oa7h8i9j0k1l2m3n4o5',
  redirectUri: `${window.location.origin}/callback`,
});

export async function loadShipments(partnerId: string) {
  const idToken = (await oktaAuth.tokenManager.get('idToken')) as IDToken | undefined;
  const response = await fetch(`/api/partners/${partnerId}/shipments`, {
    headers: {
      Authorization: `Bearer ${idToken?.idToken}`, // expect: oidc/no-id-token-as-bearer
    },
  });
  return response.json();
}
