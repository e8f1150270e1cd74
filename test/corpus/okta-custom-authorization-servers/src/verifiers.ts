import OktaJwtVerifier from '@okta/jwt-verifier';
import { API_AUDIENCE, AUTH_SERVER_ID, OKTA_DOMAIN } from './config';

// Customer-facing API: the default custom authorization server.
const customerVerifier = new OktaJwtVerifier({
  issuer: 'https://acme.okta.com/oauth2/default',
  assertClaims: { 'scp.includes': ['orders:read'] },
});

// Partner API: its own authorization server, with its own audience and policies.
const partnerVerifier = new OktaJwtVerifier({
  issuer: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9',
});

// Per-environment server, configured by deployment.
const tenantVerifier = new OktaJwtVerifier({
  issuer: `https://${OKTA_DOMAIN}/oauth2/${AUTH_SERVER_ID}`,
});

export const verifyCustomerToken = (token: string) => customerVerifier.verifyAccessToken(token, 'api://default');
export const verifyPartnerToken = (token: string) => partnerVerifier.verifyAccessToken(token, ['api://partners', 'api://partners-v2']);
export const verifyTenantToken = (token: string) => tenantVerifier.verifyAccessToken(token, API_AUDIENCE);
