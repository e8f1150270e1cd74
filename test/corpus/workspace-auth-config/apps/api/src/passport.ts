import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';
import { apiAudience, orgKeysUri } from '@acme/auth-config';

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({
        cache: true,
        rateLimit: true,
        jwksUri: orgKeysUri, // expect: oidc/no-org-as-local-verification
      }),
      audience: apiAudience,
      algorithms: ['RS256'],
    },
    (payload: { sub: string }, done: (error: unknown, user?: unknown) => void) => done(null, { id: payload.sub }),
  ),
);
