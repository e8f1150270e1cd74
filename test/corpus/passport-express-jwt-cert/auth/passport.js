const fs = require('fs');
const path = require('path');
const passport = require('passport');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');

const { OKTA_DOMAIN, AUTH_SERVER_ID } = process.env;

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: fs.readFileSync(path.resolve(__dirname, '../certs/okta-signing.crt')), // expect: oidc/no-hardcoded-jwt-key
      issuer: `https://${OKTA_DOMAIN}/oauth2/${AUTH_SERVER_ID}`,
      audience: 'api://default',
      algorithms: ['RS256'],
    },
    (claims, done) => done(null, { id: claims.uid, email: claims.sub, scopes: claims.scp }),
  ),
);

module.exports = passport;
