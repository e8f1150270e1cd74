import { jwtVerify } from 'jose';
import { keyResolver } from './keys';

export async function verifyDirectoryToken(token: string) {
  const { payload } = await jwtVerify(token, keyResolver, {
    issuer: process.env.DIRECTORY_ISSUER,
    audience: 'https://acme.okta.com', // expect: oidc/no-org-as-local-verification
  });
  return payload as { sub: string; scp: string[] };
}
