// A bearer strategy at the org whose audience is a client id (it accepted ID tokens): access tokens of the org carry
// the org URL as their audience, which the introspector that replaces the strategy checks.
const passport = require('passport');
const { ExtractJwt, Strategy: JwtStrategy } = require('passport-jwt');

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: process.env.OKTA_ORG_PUBLIC_KEY,
      issuer: 'https://acme.okta.com',
      audience: '0oa1b2c3d4e5f6g7h8i9',
      algorithms: ['RS256'],
    },
    (claims, done) => done(null, { id: claims.uid }),
  ),
);
