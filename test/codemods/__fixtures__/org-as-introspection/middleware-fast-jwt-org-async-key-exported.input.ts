// An exported fast-jwt verifier whose key is a function: it already answered with a Promise, so its callers (here
// or in other modules) already await it, and the introspecting function keeps that contract.
import { createVerifier } from 'fast-jwt';
import { getJwks } from './jwks';

export const verifyJobToken = createVerifier({
  key: async ({ header, payload }: { header: { kid: string; alg: string }; payload: { iss: string } }) =>
    getJwks.getPublicKey({ kid: header.kid, alg: header.alg, domain: payload.iss }),
  allowedIss: ['https://acme.okta.com'],
  algorithms: ['RS256'],
  cache: 1000,
});
