import { OktaAuth } from '@okta/okta-auth-js';

const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1b2c3d4e5f6g7h8i9' });

export function forward(accessToken: string) {
  const idToken = oktaAuth.getIdToken();
  return fetch('/api/relay', { headers: { Authorization: `Bearer ${idToken}`, 'X-Upstream-Token': accessToken } });
}
