import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
import { apiAudience, defaultServer } from '@acme/auth-config';

export const requireAccessToken = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: `${defaultServer}/v1/keys`, cache: true, rateLimit: true }),
  issuer: defaultServer,
  audience: apiAudience,
  algorithms: ['RS256'],
});
