const passport = require('passport');
const { ExtractJwt, Strategy: JwtStrategy } = require('passport-jwt');
const jwksRsa = require('jwks-rsa');

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: jwksRsa.passportJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }),
      issuer: 'https://acme.okta.com',
      algorithms: ['RS256'],
    },
    (claims, done) => done(null, { id: claims.uid, scopes: claims.scp }),
  ),
);
