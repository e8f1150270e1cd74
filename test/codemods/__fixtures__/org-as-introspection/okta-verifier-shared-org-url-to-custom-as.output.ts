import OktaJwtVerifier from '@okta/jwt-verifier';

const ORG_URL = 'https://acme.okta.com/oauth2/default';
const verifier = new OktaJwtVerifier({ issuer: ORG_URL, jwksUri: `${ORG_URL}/v1/keys` });

export async function authenticate(token: string) {
  const jwt = await verifier.verifyAccessToken(token, 'api://default');
  return jwt.claims;
}
