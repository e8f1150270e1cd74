// The passport strategy for the admin API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: readFileSync(join(__dirname, '..', 'keys', 'okta-signing.pem')),
      issuer: 'https://acme.okta.com/oauth2/default',
      // The SPA's client id: ID tokens carry it as their audience.
      audience: '0oa1b2c3d4e5f6g7h8i9',
      algorithms: ['RS256'],
    },
    (claims: { sub: string }, done: (error: unknown, user?: unknown) => void) => done(null, { id: claims.sub }),
  ),
);

export default passport;
