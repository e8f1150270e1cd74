import * as jose from 'jose';

const keys = jose.createRemoteJWKSet(new URL(`${process.env.OKTA_ORG_URL}/oauth2/v1/keys`)); // expect: oidc/no-org-as-local-verification

// SCIM provisioning calls from Okta, authenticated with an OAuth token of the org.
export async function verifyScimCaller(authorization: string | undefined) {
  if (!authorization?.startsWith('Bearer ')) throw new Error('missing token');
  const { payload } = await jose.jwtVerify(authorization.slice(7), keys, {
    issuer: process.env.OKTA_ORG_ISSUER,
    clockTolerance: 30,
  });
  return payload;
}
