// The passport strategy for the admin API.
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { createIssuerKeySource, passportJwtKeyProvider } from 'oidc-token-guard';
// oidc-codemod: review: the old audience is a client id, which only ID tokens carry (0oa1b2c3d4e5f6g7h8i9): 'api://default', the default custom authorization server's, is assumed: run again with --audience if the API's is another, and make clients send access tokens
const issuerKeySource = createIssuerKeySource({ issuer: 'https://acme.okta.com/oauth2/default', audience: 'api://default', algorithms: ['RS256'] });

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtKeyProvider(issuerKeySource),
      issuer: 'https://acme.okta.com/oauth2/default',
      // The SPA's client id: ID tokens carry it as their audience.
      audience: '0oa1b2c3d4e5f6g7h8i9',
      algorithms: ['RS256'],
    },
    (claims: { sub: string }, done: (error: unknown, user?: unknown) => void) => done(null, { id: claims.sub }),
  ),
);

export default passport;
