const { createTokenIntrospector, IntrospectionStrategy } = require('oidc-token-guard');
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

// Plain passport-jwt subclass: the verify callback goes to super().
class OktaStrategy extends IntrospectionStrategy {
  constructor(findUser) {
    super(
      { introspector: tokenIntrospector, name: 'jwt' },
      (claims, done) => findUser(claims.uid).then((user) => done(null, user), done),
    );
  }
}

module.exports = { OktaStrategy };
