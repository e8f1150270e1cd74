import Keycloak from 'keycloak-js';

export const keycloak = new Keycloak({ url: 'https://sso.acme.com', realm: 'acme', clientId: 'orders-web' });

export async function loadOrders() {
  await keycloak.updateToken(30);
  const response = await fetch('/api/orders', {
    headers: { Authorization: `Bearer ${keycloak.idToken}` }, // expect: oidc/no-id-token-as-bearer
  });
  return response.json();
}
