const { expressjwt } = require('express-jwt');
const jwksRsa = require('jwks-rsa');

// express-unless reads its options differently (originalUrl by default, { url, methods } paths): no counterpart yet.
module.exports = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://acme.okta.com/oauth2/v1/keys' }),
  issuer: 'https://acme.okta.com',
  algorithms: ['RS256'],
}).unless({ path: ['/health'] });
