import { createVerifier } from 'fast-jwt';
import { getJwks } from './jwks';

export const verifyJobToken = createVerifier({
  key: async ({ header, payload }: { header: { kid: string; alg: string }; payload: { iss: string } }) =>
    getJwks.getPublicKey({ kid: header.kid, alg: header.alg, domain: payload.iss }),
  allowedIss: ['https://acme.okta.com'], // expect: oidc/no-org-as-local-verification
  algorithms: ['RS256'],
  cache: 1000,
});
