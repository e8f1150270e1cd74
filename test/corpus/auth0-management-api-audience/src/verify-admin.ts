import { createRemoteJWKSet, jwtVerify } from 'jose';

const domain = process.env.AUTH0_DOMAIN;
const jwks = createRemoteJWKSet(new URL(`https://${domain}/.well-known/jwks.json`));

export async function verifyAdmin(token: string) {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: `https://${domain}/`,
    audience: `https://${process.env.AUTH0_DOMAIN}/api/v2/`, // expect: oidc/no-foreign-token-verification
  });
  return payload;
}
