import { expressjwt, type GetVerificationKey } from 'express-jwt';
import jwksRsa from 'jwks-rsa';

const ISSUER = 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9';

export const requireOrdersScope = expressjwt({
  secret: jwksRsa.expressJwtSecret({
    jwksUri: `${ISSUER}/v1/keys`,
    cache: true,
    rateLimit: true,
    jwksRequestsPerMinute: 10,
  }) as GetVerificationKey,
  issuer: ISSUER,
  audience: 'api://orders',
  algorithms: ['RS256'],
});
