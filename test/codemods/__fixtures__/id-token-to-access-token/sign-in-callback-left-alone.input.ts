import OktaJwtVerifier from '@okta/jwt-verifier';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com/oauth2/default' });

export async function callback(tokens: { id_token: string }, nonce: string) {
  const idToken = await verifier.verifyIdToken(tokens.id_token, process.env.OKTA_CLIENT_ID!, nonce);
  await fetch('/logout?id_token_hint=' + tokens.id_token);
  return idToken.claims;
}
