// A bearer strategy at the org whose audience is a client id (it accepted ID tokens): access tokens of the org carry
// the org URL as their audience, which the introspector that replaces the strategy checks.
const passport = require('passport');
const { createTokenIntrospector, IntrospectionStrategy } = require('oidc-token-guard');
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET, audience: 'https://acme.okta.com' });

passport.use(
  new IntrospectionStrategy(
    { introspector: tokenIntrospector, name: 'jwt' },
    (claims, done) => done(null, { id: claims.uid }),
  ),
);
