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
    audience: 'api://default',
  },
  (claims: unknown, done: (error: unknown, user?: unknown) => void) => done(null, claims),
);

export const guard = expressjwt({
  secret,
  // Tokens come from the web app.
  issuer: ISSUER,
  // Checked by the gateway too.
  audience: 'api://default',
  algorithms: ['RS256'],
});
