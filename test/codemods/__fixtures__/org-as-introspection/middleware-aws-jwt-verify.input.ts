import { JwtRsaVerifier } from 'aws-jwt-verify';

const ORG_ISSUER = 'https://acme.okta.com';

export const verifier = JwtRsaVerifier.create({
  issuer: ORG_ISSUER,
  audience: 'api://default',
  jwksUri: `${ORG_ISSUER}/oauth2/v1/keys`,
});

export const handler = async (event: { headers: Record<string, string | undefined> }) => {
  const token = event.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const payload = await verifier.verify(token);
  return { statusCode: 200, body: JSON.stringify({ sub: payload.sub }) };
};
