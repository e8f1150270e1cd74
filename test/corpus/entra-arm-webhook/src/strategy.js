const { Strategy, ExtractJwt } = require('passport-jwt');
const { passportJwtSecret } = require('jwks-rsa');
const settings = require('./settings');

module.exports = new Strategy(
  {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKeyProvider: passportJwtSecret({ jwksUri: settings.jwksUri, cache: true }),
    issuer: settings.issuer,
    audience: settings.armAudience, // expect: oidc/no-foreign-token-verification
  },
  (claims, done) => done(null, { oid: claims.oid }),
);
