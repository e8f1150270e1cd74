import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

const ORG_URL = 'https://acme.okta.com';
const orgKeys = createRemoteJWKSet(new URL(`${ORG_URL}/oauth2/v1/keys`));

// The admin console calls us with the token it got from Okta for its own Okta API calls.
export async function verifyAdminCaller(authorization: string): Promise<JWTPayload> {
  const token = authorization.slice('Bearer '.length);
  const { payload } = await jwtVerify(token, orgKeys, {
    issuer: ORG_URL, // expect: oidc/no-org-as-local-verification
    algorithms: ['RS256'],
  });
  return payload;
}
