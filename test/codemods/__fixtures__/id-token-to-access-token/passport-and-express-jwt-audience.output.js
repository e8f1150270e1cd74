const { Strategy, ExtractJwt } = require('passport-jwt');
const { expressjwt } = require('express-jwt');
const jwksRsa = require('jwks-rsa');

const ISSUER = 'https://acme.okta.com/oauth2/default';
const secret = jwksRsa.expressJwtSecret({ jwksUri: `${ISSUER}/v1/keys` });

passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKeyProvider: jwksRsa.passportJwtSecret({ jwksUri: `${ISSUER}/v1/keys` }), issuer: ISSUER, audience: 'api://default' }, (claims, done) => done(null, claims)));

module.exports = expressjwt({ secret, issuer: ISSUER, audience: 'api://default', algorithms: ['RS256'] });
