import { OktaAuth } from '@okta/okta-auth-js';
import { oktaClient } from '@config';

// Signing users in against the org authorization server is what it is for.
export const oktaAuth = new OktaAuth({
  issuer: oktaClient.issuer,
  clientId: oktaClient.clientId,
  redirectUri: `${window.location.origin}/login/callback`,
});
