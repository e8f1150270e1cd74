import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';

export const requireJwt = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }),
  issuer: 'https://acme.okta.com',
  algorithms: ['RS256'],
});
