// The audience is a parameter: the introspector reads it from OIDC_AUDIENCE, and refuses to start while it is unset.
import { expressjwt } from 'express-jwt';

export function orgGuard(audience: string) {
  return expressjwt({ secret: process.env.OKTA_ORG_PUBLIC_KEY!, algorithms: ['RS256'], issuer: 'https://acme.okta.com', audience });
}
