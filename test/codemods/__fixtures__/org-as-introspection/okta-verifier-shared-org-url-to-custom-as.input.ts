import OktaJwtVerifier from '@okta/jwt-verifier';

const ORG_URL = 'https://acme.okta.com';
const verifier = new OktaJwtVerifier({ issuer: ORG_URL, jwksUri: `${ORG_URL}/oauth2/v1/keys` });

export async function authenticate(token: string) {
  const jwt = await verifier.verifyAccessToken(token, ORG_URL);
  return jwt.claims;
}
