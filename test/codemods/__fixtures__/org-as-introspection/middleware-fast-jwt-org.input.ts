// fast-jwt's createVerifier against the org: the verifier introspects, and its callers await it.
import { createVerifier } from 'fast-jwt';

const verifyToken = createVerifier({
  key: process.env.OKTA_ORG_PUBLIC_KEY,
  allowedIss: 'https://acme.okta.com',
  algorithms: ['RS256'],
});

export function subjectOf(authorization: string): string {
  const claims = verifyToken(authorization.replace(/^Bearer /, ''));
  return claims.sub;
}
