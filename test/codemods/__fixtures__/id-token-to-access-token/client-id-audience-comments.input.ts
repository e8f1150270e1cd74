import { expressjwt } from 'express-jwt';
import { Strategy, ExtractJwt } from 'passport-jwt';
import jwksRsa from 'jwks-rsa';

const ISSUER = 'https://acme.okta.com/oauth2/default';
const secret = jwksRsa.expressJwtSecret({ jwksUri: `${ISSUER}/v1/keys` });

export const strategy = new Strategy(
  {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKeyProvider: jwksRsa.passportJwtSecret({ jwksUri: `${ISSUER}/v1/keys` }),
    issuer: ISSUER,
    // The SPA's client id: ID tokens carry it as their audience.
    audience: '0oa1b2c3d4e5f6g7h8i9',
  },
  (claims: unknown, done: (error: unknown, user?: unknown) => void) => done(null, claims),
);

export const guard = expressjwt({
  secret,
  // Tokens come from the web app.
  issuer: ISSUER,
  // Checked by the gateway too.
  audience: '0oa9z8y7x6w5v4u3t2s1', // the portal's client_id
  algorithms: ['RS256'],
});
