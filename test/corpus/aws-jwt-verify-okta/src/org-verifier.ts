import { JwtRsaVerifier } from 'aws-jwt-verify';
import { OKTA } from './settings';

const verifier = JwtRsaVerifier.create({
  issuer: OKTA.orgIssuer, // expect: oidc/no-org-as-local-verification
  audience: 'api://default',
  jwksUri: `${OKTA.orgIssuer}/oauth2/v1/keys`,
});

export const handler = async (event: { headers: Record<string, string | undefined> }) => {
  const token = event.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const payload = await verifier.verify(token);
  return { statusCode: 200, body: JSON.stringify({ sub: payload.sub }) };
};
