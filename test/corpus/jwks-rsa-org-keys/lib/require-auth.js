'use strict';

const { expressjwt } = require('express-jwt');
const jwksRsa = require('jwks-rsa');

const OKTA_ORG = 'https://dev-48213377.oktapreview.com';

const requireAuth = expressjwt({
  secret: jwksRsa.expressJwtSecret({
    jwksUri: `${OKTA_ORG}/oauth2/v1/keys`,
    cache: true,
    rateLimit: true,
  }),
  issuer: OKTA_ORG, // expect: oidc/no-org-as-local-verification
  algorithms: ['RS256'],
});

module.exports = { requireAuth };
