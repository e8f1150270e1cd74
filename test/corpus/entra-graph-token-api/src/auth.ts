import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
import { ISSUER, JWKS_URI } from './config';

// The SPA calls this API with the token it got for User.Read.
export const requireUser = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: JWKS_URI, cache: true, rateLimit: true }),
  issuer: ISSUER,
  audience: 'https://graph.microsoft.com', // expect: oidc/no-foreign-token-verification
  algorithms: ['RS256'],
});
