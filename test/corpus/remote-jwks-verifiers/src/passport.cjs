const passport = require('passport');
const { Strategy, ExtractJwt } = require('passport-jwt');
const { passportJwtSecret } = require('jwks-rsa');

const { OKTA_DOMAIN, AUTH_SERVER_ID } = process.env;
const issuer = `https://${OKTA_DOMAIN}/oauth2/${AUTH_SERVER_ID}`;

passport.use(
  new Strategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({ jwksUri: `${issuer}/v1/keys`, cache: true, rateLimit: true }),
      issuer,
      audience: 'api://reports',
      algorithms: ['RS256'],
    },
    (claims, done) => done(null, { sub: claims.sub, scopes: claims.scp }),
  ),
);

module.exports = passport;
