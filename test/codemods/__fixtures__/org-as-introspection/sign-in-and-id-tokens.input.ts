import OktaJwtVerifier from '@okta/jwt-verifier';
import { OktaAuth } from '@okta/okta-auth-js';

export const oktaAuth = new OktaAuth({ issuer: 'https://acme.okta.com', clientId: '0oa1b2c3d4e5f6g7h8i9' });
const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });

export async function callback(tokens: { id_token: string }, nonce: string) {
  return verifier.verifyIdToken(tokens.id_token, '0oa1b2c3d4e5f6g7h8i9', nonce);
}
