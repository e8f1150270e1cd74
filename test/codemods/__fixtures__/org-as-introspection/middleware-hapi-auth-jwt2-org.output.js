// hapi-auth-jwt2 at the org: the strategy keeps its name, and validate still names the credentials.
const Hapi = require('@hapi/hapi');
const { createTokenIntrospector, introspectionHapiStrategy } = require('oidc-token-guard');
// oidc-codemod: review: introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt
const tokenIntrospector = createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID, clientSecret: process.env.OKTA_CLIENT_SECRET });

exports.init = async () => {
  const server = Hapi.server({ port: 0 });
  await server.register(require('hapi-auth-jwt2'));
  introspectionHapiStrategy(server, 'okta', {
    introspector: tokenIntrospector,
    async validate(decoded) {
      return { isValid: Boolean(decoded.sub), credentials: { user: decoded.sub } };
    },
  });
  server.auth.default('okta');
  return server;
};
