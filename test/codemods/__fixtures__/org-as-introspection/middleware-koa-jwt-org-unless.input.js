const jwt = require('koa-jwt');
const { koaJwtSecret } = require('jwks-rsa');

const OKTA_ISSUER = process.env.OKTA_ISSUER || 'https://acme-eu.okta-emea.com';

module.exports = function auth() {
  return jwt({
    secret: koaJwtSecret({
      jwksUri: `${OKTA_ISSUER}/oauth2/v1/keys`,
      cache: true,
      cacheMaxEntries: 5,
      cacheMaxAge: 36e5,
    }),
    issuer: OKTA_ISSUER,
    audience: OKTA_ISSUER,
    algorithms: ['RS256'],
  }).unless({ path: ['/health'] });
};
