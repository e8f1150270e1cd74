const { expressjwt } = require('express-jwt');
const jwksRsa = require('jwks-rsa');

const AUTH0_DOMAIN = process.env.AUTH0_DOMAIN;

module.exports = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: `https://${AUTH0_DOMAIN}/.well-known/jwks.json`, cache: true }),
  audience: `https://${AUTH0_DOMAIN}/api/v2/`,
  issuer: `https://${AUTH0_DOMAIN}/`,
  algorithms: ['RS256'],
});
