import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';

passport.use(
  'service',
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: process.env.SERVICE_JWT_PUBLIC_KEY,
      algorithms: ['RS256'],
      issuer: process.env.SERVICE_JWT_ISSUER,
    },
    (claims: { sub: string }, done: (error: unknown, user?: { service: string }) => void) => done(null, { service: claims.sub }),
  ),
);

export default passport;
