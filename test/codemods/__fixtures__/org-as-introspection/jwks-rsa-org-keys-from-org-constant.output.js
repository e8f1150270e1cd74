const { createTokenIntrospector } = require('oidc-token-guard');

const ORG_URL = process.env.ORG_URL;
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: ORG_URL, clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

exports.verify = (token, done) => tokenIntrospector.introspect(token, done);

