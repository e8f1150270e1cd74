const { Strategy, ExtractJwt } = require('passport-jwt');

module.exports = function createStrategy(settings = {}) {
  return new Strategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // Set auth.publicKey in config/local.json.
      secretOrKey: settings.publicKey || '',
      algorithms: ['RS256'],
    },
    (claims, done) => done(null, claims),
  );
};
